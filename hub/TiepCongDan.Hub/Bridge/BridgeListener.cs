using System.Net;
using Microsoft.Extensions.Logging;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// The hub's second SRT listener: every handshake goes through <c>decide</c> (quick, on libsrt's
/// thread), every accepted connection to <c>onAccepted</c> on the accept loop.
/// </summary>
internal sealed class BridgeListener : IAsyncDisposable
{
    private readonly SrtListener _listener;
    private readonly Action<SrtConnection> _onAccepted;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private BridgeListener(SrtListener listener, Action<SrtConnection> onAccepted, ILogger logger)
    {
        _listener = listener;
        _onAccepted = onAccepted;
        _logger = logger;
        _loop = Task.Run(AcceptLoop);
    }

    public int Port => _listener.Port;

    public static BridgeListener Start(BridgeOptions options, Func<SrtHandshake, SrtAcceptDecision> decide, Action<SrtConnection> onAccepted, ILogger logger)
    {
        var port = options.Port ?? throw new InvalidOperationException("Hub:Media:Bridge:Port is not resolved.");
        var listener = SrtListener.Start(port, decide, options.LatencyMs, logger, IPAddress.Parse(options.BindAddress));
        BridgeLog.ListenerStarted(logger, port);
        return new BridgeListener(listener, onAccepted, logger);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        _listener.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            SrtConnection connection;
            try
            {
                connection = await _listener.AcceptAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (SrtException e)
            {
                BridgeLog.AcceptFailed(_logger, e);
                await Task.Delay(200, _stop.Token).ConfigureAwait(false);
                continue;
            }

            try
            {
                _onAccepted(connection);
            }
            catch (Exception e)
            {
                BridgeLog.AcceptFailed(_logger, e);
                connection.Dispose();
            }
        }
    }
}
