using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TiepCongDan.Benchmarks.OperatorConsole;

/// <summary>
/// The Chrome DevTools Protocol over a WebSocket to one page target: just enough to set a header,
/// navigate and evaluate an expression. One command at a time; events are read and dropped.
/// </summary>
public sealed class DevToolsPage : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[1 << 20];
    private int _nextId;

    private DevToolsPage()
    {
    }

    public static async Task<DevToolsPage> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), cancellationToken))!.AsArray();
        var url = targets.FirstOrDefault(t => (string?)t!["type"] == "page")?["webSocketDebuggerUrl"]?.GetValue<string>()
            ?? throw new InvalidOperationException("Chromium shows no page target.");
        var page = new DevToolsPage();
        await page._socket.ConnectAsync(new Uri(url), cancellationToken);
        return page;
    }

    public async Task<JsonNode?> SendAsync(string method, object? parameters, CancellationToken cancellationToken)
    {
        var id = ++_nextId;
        var message = JsonSerializer.Serialize(new { id, method, @params = parameters ?? new { } });
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cancellationToken);
        while (true)
        {
            var reply = JsonNode.Parse(await ReceiveAsync(cancellationToken))!;
            if ((int?)reply["id"] != id)
            {
                continue;
            }

            if (reply["error"] is { } error)
            {
                throw new InvalidOperationException($"DevTools {method}: {error.ToJsonString()}");
            }

            return reply["result"];
        }
    }

    /// <summary>The value of a JavaScript expression (JSON-serialisable), or null.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true }, cancellationToken);
        return result?["result"]?["value"];
    }

    private async Task<string> ReceiveAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        while (true)
        {
            var part = await _socket.ReceiveAsync(_buffer, cancellationToken);
            if (part.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("Chromium closed the DevTools connection.");
            }

            text.Append(Encoding.UTF8.GetString(_buffer, 0, part.Count));
            if (part.EndOfMessage)
            {
                return text.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        _socket.Dispose();
    }
}
