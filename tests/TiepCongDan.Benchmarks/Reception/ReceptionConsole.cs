using System.Net.Http.Json;
using System.Text.Json;

namespace TiepCongDan.Benchmarks.Reception;

/// <summary>
/// The kiosk's simulation console (Edge:Simulation) as the bench drives it: what the end-to-end
/// tests' SimConsoleClient does, cut to the calls the bench times, polling /sim/state every 10 ms.
/// </summary>
internal sealed class ReceptionConsole(int port, Func<string> diagnostics) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(20) };

    public async Task<(string State, string? SessionId)> StateAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("sim/state", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /sim/state answered {(int)response.StatusCode}: {body}\n{diagnostics()}");
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        return (root.GetProperty("state").GetString() ?? string.Empty,
            root.TryGetProperty("sessionId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null);
    }

    public async Task PostAsync(string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(path, body is null ? null : JsonContent.Create(body), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}\n{diagnostics()}");
        }
    }

    public Task<(string State, string? SessionId)> WaitForAsync(string state, TimeSpan timeout, CancellationToken cancellationToken) =>
        TiepCongDan.EndToEnd.Tests.Fixtures.Poll.UntilAsync(StateAsync, s => s.State == state, timeout, $"the kiosk in {state}",
            diagnostics, TimeSpan.FromMilliseconds(10), cancellationToken);

    public void Dispose() => _http.Dispose();
}
