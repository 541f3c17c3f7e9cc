using System.Net;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Hosting;
using TiepCongDan.Edge.Media.Live;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception;

namespace TiepCongDan.Edge.Screen;

/// <summary>
/// Serves the kiosk page on 127.0.0.1 only (decision 0018): GET / and its script and style from
/// resources inside the binary, GET /api/screen/state (the current <see cref="KioskScreenState"/>
/// as JSON) and GET /api/screen/events (Server-Sent Events: a "state" event now and at every
/// change, so the page follows without polling), and in a session the officials' video and the
/// citizen's self-view (<see cref="LiveVideoEndpoint"/>). <see cref="Show"/> is thread-safe.
/// </summary>
public sealed class KioskScreenServer : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private readonly EdgeScreenOptions _options;
    private readonly DisplayPower? _displayPower;
    private readonly ILogger _logger;
    private readonly KioskScreenStateStore _store;
    private readonly LoopbackHttpListener _http;
    private readonly LiveVideoEndpoint? _liveVideo;

    /// <param name="liveMedia">The running session's streams (from the media service); null: no live video on the page.</param>
    public KioskScreenServer(IOptions<EdgeScreenOptions> options, ILogger? logger = null, DisplayPower? displayPower = null, KioskLiveMedia? liveMedia = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        // Checked here too (Enabled or not): a server built by hand must not open a network address either.
        var failures = EdgeScreenOptionsValidator.Failures(_options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(EdgeScreenOptions.SectionName, typeof(EdgeScreenOptions), failures);
        }

        _displayPower = displayPower;
        _logger = logger ?? NullLogger.Instance;
        _store = new KioskScreenStateStore(KioskScreenState.For(ReceptionState.Idle, _options.Language));
        _http = new LoopbackHttpListener(Address, HandleAsync);
        _liveVideo = liveMedia is null ? null : new LiveVideoEndpoint(liveMedia, _options.FfmpegPath, _logger);
    }

    /// <summary>True when the page can show the session's live videos (a media service feeds them).</summary>
    public bool ServesLiveVideo => _liveVideo is not null;

    /// <summary>Where the kiosk browser points: http://127.0.0.1:Port/.</summary>
    public Uri Address => new($"http://{EdgeScreenOptions.LoopbackAddress}:{_options.Port}/");

    /// <summary>What the page shows now.</summary>
    public KioskScreenState Current => _store.Current.State;

    /// <summary>Shows <paramref name="state"/> on every open page at once, and wakes or schedules the display.</summary>
    /// <exception cref="ArgumentException">The state cannot be shown (see <see cref="KioskScreenState.Validate"/>).</exception>
    public void Show(KioskScreenState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Validate();
        _store.Set(state);
        KioskScreenLog.Shown(_logger, state.State.ToString());
        _displayPower?.OnStateChanged(state.State);
    }

    /// <exception cref="HttpListenerException">The port is taken (the message names it).</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _http.Start("Cannot serve the kiosk page", "Edge:Screen:Port");
        KioskScreenLog.Listening(_logger, Address.ToString());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _http.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _http.DisposeAsync();

    private async Task HandleAsync(HttpListenerContext context, CancellationToken stopping)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            // A page elsewhere could point a name at 127.0.0.1 (DNS rebinding) and read the citizen's name.
            // The listener already matches its prefix's host; this keeps it so if the prefix ever changes.
            var host = request.Url?.Host ?? string.Empty;
            if (host != EdgeScreenOptions.LoopbackAddress)
            {
                KioskScreenLog.ForeignHost(_logger, host);
                await WriteTextAsync(response, 421, "text/plain; charset=utf-8", "Misdirected request", stopping);
                return;
            }

            if (request.HttpMethod != "GET")
            {
                response.AddHeader("Allow", "GET");
                await WriteTextAsync(response, 405, "text/plain; charset=utf-8", "Only GET", stopping);
                return;
            }

            switch (request.Url?.AbsolutePath)
            {
                case "/":
                case "/index.html":
                    await WriteResourceAsync(response, "index.html", "text/html; charset=utf-8", stopping);
                    break;
                case "/screen.js":
                    await WriteResourceAsync(response, "screen.js", "text/javascript; charset=utf-8", stopping);
                    break;
                case "/screen.css":
                    await WriteResourceAsync(response, "screen.css", "text/css; charset=utf-8", stopping);
                    break;
                case "/api/screen/state":
                    await WriteTextAsync(response, 200, "application/json; charset=utf-8", Current.ToJson(), stopping);
                    break;
                case "/api/screen/events":
                    await StreamEventsAsync(response, stopping);
                    break;
                case LiveVideoEndpoint.OfficialsPath when _liveVideo is not null:
                    await _liveVideo.ServeAsync(request, response, officials: true, stopping);
                    break;
                case LiveVideoEndpoint.SelfViewPath when _liveVideo is not null:
                    await _liveVideo.ServeAsync(request, response, officials: false, stopping);
                    break;
                default:
                    await WriteTextAsync(response, 404, "text/plain; charset=utf-8", "Not found", stopping);
                    break;
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The browser closed the connection (a reload), or the server is stopping.
            if (!stopping.IsCancellationRequested)
            {
                KioskScreenLog.RequestFailed(_logger, ex.Message);
            }
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // already gone
            }
        }
    }

    private async Task StreamEventsAsync(HttpListenerResponse response, CancellationToken stopping)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.SendChunked = true;
        response.AddHeader("Cache-Control", "no-cache");
        var stream = response.OutputStream;
        // The browser reconnects by itself after a second if the stream breaks (an edge restart).
        var (state, version) = _store.Current;
        await WriteEventAsync(stream, "retry: 1000\n", stopping);
        await WriteEventAsync(stream, $"event: state\ndata: {state.ToJson()}\n\n", stopping);
        while (!stopping.IsCancellationRequested)
        {
            var newer = await _store.WaitNewerAsync(version, KeepAlive, stopping);
            if (newer is null)
            {
                await WriteEventAsync(stream, ": keep-alive\n\n", stopping);
                continue;
            }

            (state, version) = newer.Value;
            await WriteEventAsync(stream, $"event: state\ndata: {state.ToJson()}\n\n", stopping);
        }
    }

    private static async Task WriteEventAsync(Stream stream, string text, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static async Task WriteResourceAsync(HttpListenerResponse response, string name, string contentType, CancellationToken cancellationToken)
    {
        await using var resource = typeof(KioskScreenServer).Assembly.GetManifestResourceStream("screen/" + name)
            ?? throw new InvalidOperationException($"The kiosk page resource screen/{name} is missing from the build.");
        response.StatusCode = 200;
        response.ContentType = contentType;
        response.ContentLength64 = resource.Length;
        AddPageHeaders(response);
        await resource.CopyToAsync(response.OutputStream, cancellationToken);
    }

    internal static async Task WriteTextAsync(HttpListenerResponse response, int status, string contentType, string body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        response.AddHeader("Cache-Control", "no-store");
        await response.OutputStream.WriteAsync(bytes, cancellationToken);
    }

    private static void AddPageHeaders(HttpListenerResponse response)
    {
        response.AddHeader("Cache-Control", "no-store");
        // The kiosk is offline: nothing outside this server (and later the local media streams) may load.
        response.AddHeader("Content-Security-Policy", "default-src 'self'; media-src 'self' blob: http://127.0.0.1:*; img-src 'self' data:; frame-ancestors 'none'");
        response.AddHeader("X-Content-Type-Options", "nosniff");
    }
}
