using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Alerts;

/// <summary>A real HTTP receiver on loopback (HttpListener) that answers 500 to its first <c>failFirst</c> requests, then 200, and keeps every body.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(int Status, JsonDocument Body)> _requests = new();
    private readonly Task _loop;
    private int _failuresLeft;

    public WebhookReceiver(int failFirst)
    {
        _failuresLeft = failFirst;
        var port = FreePort.Next();
        Url = $"http://127.0.0.1:{port}/hooks/alerts/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    /// <summary>Every request in arrival order, with the status it was answered.</summary>
    public IReadOnlyList<(int Status, JsonDocument Body)> Requests => _requests.ToArray();

    /// <summary>The bodies answered 200: what was delivered.</summary>
    public IReadOnlyList<JsonElement> Delivered => _requests.Where(r => r.Status == 200).Select(r => r.Body.RootElement).ToList();

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // the listener closed under the loop
        }

        foreach (var (_, body) in _requests)
        {
            body.Dispose();
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var body = await JsonDocument.ParseAsync(context.Request.InputStream);
            var status = Interlocked.Decrement(ref _failuresLeft) >= 0 ? 500 : 200;
            _requests.Enqueue((status, body));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }
}
