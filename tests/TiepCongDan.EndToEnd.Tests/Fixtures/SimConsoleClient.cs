using System.Globalization;
using System.Net.Http.Json;
using TiepCongDan.Edge.Controls;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// The kiosk's simulation console (Edge:Simulation, loopback HTTP) as a test drives it: present a
/// card or a QR, press the buttons, unplug the camera, read the reception state. Every refused
/// call throws with the kiosk's own answer and <paramref name="diagnostics"/> (the edge's output).
/// </summary>
public sealed class SimConsoleClient(int port, Func<string> diagnostics) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(20) };

    public Uri BaseAddress => _http.BaseAddress!;

    public async Task<SimState> StateAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync("sim/state", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /sim/state answered {(int)response.StatusCode}: {body}\n{diagnostics()}");
        }

        return SimState.Parse(body);
    }

    /// <summary>A simulated card for a made-up citizen (Edge:Card disabled): body {"mrz"}, {"qr"} or {"can"}.</summary>
    public Task PresentCardAsync(string keyKind, string text, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "sim/card", new Dictionary<string, string> { [keyKind] = text }, cancellationToken);

    public Task RemoveCardAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, "sim/card", null, cancellationToken);

    /// <summary>Stands in for the QR scanner, also with a real (or virtual) PC/SC reader.</summary>
    public Task ScanQrAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "sim/qr", new Dictionary<string, string> { ["text"] = text }, cancellationToken);

    public Task ScanMrzAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "sim/mrz", new Dictionary<string, string> { ["text"] = text }, cancellationToken);

    /// <summary>A short press through the simulated GPIO driver (the real debounce and click logic).</summary>
    public Task ClickAsync(ButtonRole role, CancellationToken cancellationToken = default) =>
        ButtonAsync(role, "click", null, cancellationToken);

    /// <summary>Press, hold <paramref name="milliseconds"/>, release: 3500 is a long press (>= 3 s).</summary>
    public Task HoldAsync(ButtonRole role, int milliseconds = 3500, CancellationToken cancellationToken = default) =>
        ButtonAsync(role, "hold", milliseconds, cancellationToken);

    public Task ButtonAsync(ButtonRole role, string action, int? milliseconds = null, CancellationToken cancellationToken = default)
    {
        var path = $"sim/buttons/{ButtonRoleNames.Key(role)}/{action}"
                   + (milliseconds is { } ms ? string.Create(CultureInfo.InvariantCulture, $"?ms={ms}") : string.Empty);
        return SendAsync(HttpMethod.Post, path, null, cancellationToken);
    }

    /// <summary>"unplug" or "replug".</summary>
    public Task CameraAsync(string action, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"sim/camera/{action}", null, cancellationToken);

    /// <summary>"silence" or "restore".</summary>
    public Task MicrophoneAsync(string action, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"sim/microphone/{action}", null, cancellationToken);

    /// <summary>Polls /sim/state until the kiosk is in <paramref name="state"/>; the timeout says the last state seen and the edge's output.</summary>
    public Task<SimState> WaitForStateAsync(string state, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForAsync(s => s.State == state, timeout, $"the kiosk in {state}", cancellationToken);

    public Task<SimState> WaitForAsync(Func<SimState, bool> predicate, TimeSpan timeout, string waitingFor, CancellationToken cancellationToken = default) =>
        Poll.UntilAsync(StateAsync, predicate, timeout, waitingFor + " (GET /sim/state)", diagnostics, TimeSpan.FromMilliseconds(50), cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"{method} /{path} answered {(int)response.StatusCode}: {text}\n{diagnostics()}");
        }
    }
}
