using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace TiepCongDan.Edge.Service;

/// <summary>Calls the simulation console of the tcd-edge on this machine (127.0.0.1 only).</summary>
public sealed class SimConsoleClient(int port) : IDisposable
{
    // A hold may last a minute; the console answers when the button is released.
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(90) };

    public int Port { get; } = port;

    /// <summary>The console's status code and JSON text.</summary>
    /// <exception cref="SimConsoleUnreachableException">Nothing answers on the port.</exception>
    public async Task<(int Status, string Json)> SendAsync(SimRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(request.Method, request.Path.TrimStart('/'));
        if (request.Body is { } body)
        {
            message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await _http.SendAsync(message, cancellationToken);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException || ex.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw new SimConsoleUnreachableException($"nothing answers on 127.0.0.1:{Port}", ex);
        }
    }

    /// <summary>The "error" of a refusal, or the whole text when it is not the console's JSON.</summary>
    public static string ErrorOf(string json)
    {
        try
        {
            return JsonNode.Parse(json)?["error"]?.GetValue<string>() ?? json;
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
    }

    public void Dispose() => _http.Dispose();
}
