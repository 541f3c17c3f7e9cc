using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Edge.Media.Uplink;
using TiepCongDan.Edge.Sparkplug;
using TiepCongDan.Srt;

namespace TiepCongDan.Edge.Media.Live;

/// <summary>
/// Pulls the officials' picture and voice for the running session from the hub's bridge listener
/// (SRT caller, stream id <see cref="SrtStreamId.KioskReturn"/>, the kiosk's own passphrase: decision
/// 0012) and hands every message to <see cref="KioskLiveMedia.Officials"/>. The hub answers 1404
/// until the session's uplink has reached it, and the stream carries nothing until an official
/// joins: the receiver asks again with back-off (at most <see cref="MaxRetryDelay"/>, so the picture
/// comes soon after the officials do) for as long as the session runs. One thread; never throws
/// from it.
/// </summary>
public sealed class OfficialsReturnReceiver : IAsyncDisposable
{
    /// <summary>The longest pause between two attempts: the citizen is waiting for the picture.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(3);

    private readonly SrtUplinkSettings _settings;
    private readonly LiveTsFeed _feed;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Random _jitter = new();
    private readonly Thread _thread;
    private SrtConnection? _current;
    private string? _lastProblem;
    private long _bytes;
    private int _connects;

    /// <param name="settings">The uplink's settings with <see cref="SrtUplinkSettings.Port"/> set to the hub's bridge port.</param>
    public OfficialsReturnReceiver(SrtUplinkSettings settings, LiveTsFeed feed, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _feed = feed ?? throw new ArgumentNullException(nameof(feed));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        StreamId = SrtStreamId.KioskReturn(settings.KioskId, settings.SessionId).ToString();
        _thread = new Thread(Run) { IsBackground = true, Name = "officials-return" };
    }

    public string StreamId { get; }

    public long BytesReceived => Interlocked.Read(ref _bytes);

    public int Connects => Volatile.Read(ref _connects);

    public bool IsConnected => Volatile.Read(ref _current) is { IsConnected: true };

    public void Start() => _thread.Start();

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        Volatile.Read(ref _current)?.Dispose();
        if (_thread.IsAlive)
        {
            // A connect in progress ends within its timeout; a receive within a second.
            await Task.Run(() => _thread.Join(_settings.ConnectTimeout + TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        }

        OfficialsReturnLog.Stopped(_logger, BytesReceived, Connects);
        _stopping.Dispose();
    }

    private void Run()
    {
        var attempt = 0;
        var buffer = new byte[1500];
        while (!_stopping.IsCancellationRequested)
        {
            SrtConnection connection;
            try
            {
                connection = SrtConnection.Connect(_settings.CallerOptions(StreamId, _settings.LatencyMs ?? SrtUplink.DeriveLatencyMs(null)));
            }
            catch (Exception e) when (!_stopping.IsCancellationRequested)
            {
                var delay = ReconnectBackoff.Delay(attempt++, _settings.ReconnectMinDelay, TimeSpan.FromTicks(Math.Min(_settings.ReconnectMaxDelay.Ticks, MaxRetryDelay.Ticks)), _jitter);
                var reason = e is SrtConnectException c ? SrtUplinkReasons.ForConnectFailure(c, $"srt://{_settings.Host}:{_settings.Port}") : e.Message;
                if (reason != _lastProblem)
                {
                    // Once per distinct reason: before the officials join, "not live yet" repeats for a while.
                    OfficialsReturnLog.NotAvailable(_logger, reason, (long)delay.TotalMilliseconds);
                    _lastProblem = reason;
                }

                Pause(delay);
                continue;
            }
            catch (Exception)
            {
                return;
            }

            attempt = 0;
            _lastProblem = null;
            Volatile.Write(ref _current, connection);
            OfficialsReturnLog.Connected(_logger, _settings.Host, _settings.Port, _settings.SessionId, Interlocked.Increment(ref _connects));
            try
            {
                Receive(connection, buffer);
            }
            catch (Exception e) when (!_stopping.IsCancellationRequested)
            {
                OfficialsReturnLog.Lost(_logger, e.Message);
                Pause(_settings.ReconnectMinDelay);
            }
            catch (Exception)
            {
                // Disposed under a receive: stopping.
            }
            finally
            {
                Volatile.Write(ref _current, null);
                connection.Dispose();
            }
        }
    }

    private void Receive(SrtConnection connection, byte[] buffer)
    {
        connection.SetReceiveTimeout(TimeSpan.FromSeconds(1));
        while (!_stopping.IsCancellationRequested)
        {
            int received;
            try
            {
                received = connection.Receive(buffer);
            }
            catch (TimeoutException)
            {
                // No official is sending right now: keep the connection, ask again.
                continue;
            }

            if (received == 0)
            {
                throw new SrtException("the hub closed the officials' stream");
            }

            _ = Interlocked.Add(ref _bytes, received);
            _feed.Publish(buffer.AsSpan(0, received));
        }
    }

    private void Pause(TimeSpan delay)
    {
        try
        {
            Task.Delay(delay, _time, _stopping.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
