using System.Net;

namespace TiepCongDan.Edge.Hosting;

/// <summary>
/// The HttpListener lifecycle the kiosk page server and the simulation console share: start on one
/// prefix, hand each request to <c>handle</c> on its own task, and on stop wait for those tasks so no
/// request outlives the server. Each server keeps its own routes, logging and "Listening" message.
/// </summary>
internal sealed class LoopbackHttpListener : IAsyncDisposable
{
    private readonly Uri _prefix;
    private readonly Func<HttpListenerContext, CancellationToken, Task> _handle;
    private readonly CancellationTokenSource _stopping = new();
    private HttpListener? _listener;
    private Task? _acceptLoop;

    /// <param name="prefix">An IP-literal address such as http://127.0.0.1:8080/.</param>
    /// <param name="handle">Answers one request; the token is cancelled when the listener stops.</param>
    public LoopbackHttpListener(Uri prefix, Func<HttpListenerContext, CancellationToken, Task> handle)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(handle);
        _prefix = prefix;
        _handle = handle;
    }

    /// <param name="cannot">What failed, for the error message: "Cannot serve the kiosk page".</param>
    /// <param name="portSetting">The setting that chose the port, so the message says what to change: "Edge:Screen:Port".</param>
    /// <exception cref="HttpListenerException">The port is taken (the message names the address and the setting).</exception>
    public void Start(string cannot, string portSetting)
    {
        var listener = new HttpListener();
        // An IP literal: the managed listener binds that address only, never every interface.
        listener.Prefixes.Add(_prefix.ToString());
        try
        {
            listener.Start();
        }
        catch (HttpListenerException ex)
        {
            listener.Close();
            throw new HttpListenerException(ex.ErrorCode, $"{cannot} on {_prefix}: {ex.Message} (is {portSetting} {_prefix.Port} used by another program?)");
        }

        _listener = listener;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(listener, _stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_listener is not { } listener)
        {
            return;
        }

        _listener = null;
        await _stopping.CancelAsync();
        listener.Close();
        if (_acceptLoop is { } loop)
        {
            await loop.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(HttpListener listener, CancellationToken stopping)
    {
        var open = new List<Task>();
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Closed by StopAsync.
                break;
            }

            open.RemoveAll(t => t.IsCompleted);
            open.Add(Task.Run(() => _handle(context, stopping), CancellationToken.None));
        }

        await Task.WhenAll(open);
    }
}
