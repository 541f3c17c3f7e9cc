using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Edge.Sparkplug;
using TiepCongDan.Srt;

namespace TiepCongDan.Edge.Media.Uplink;

/// <summary>
/// Sends one session's MPEG-TS live to the hub over SRT (caller mode) while the recorder keeps the
/// full local copy. A dedicated sender thread owns the connection: connect → send what is queued →
/// on any error close, back off with full jitter, reconnect. <see cref="Send"/> only copies into a
/// bounded queue, so the recorder never waits for the network.
/// Thread safety: <see cref="Send"/> from any thread; properties from any thread; <see cref="Sampled"/>
/// is raised on the sender thread (handlers must be quick and must not call back into the uplink's
/// lifecycle).
/// </summary>
public sealed class SrtUplink : IAsyncDisposable
{
    private const int UnknownRttLatencyMs = 120;

    private readonly SrtUplinkSettings settings;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly TsMessageQueue queue;
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Random jitter = new();
    private readonly string target;
    private readonly object stateGate = new();
    private Thread? thread;
    private SrtUplinkState state = SrtUplinkState.Idle;
    private string? lastReason;
    private string? lastLoggedProblem;
    private int connects;
    private long sentBytes;
    private long droppedBytes;
    private SrtLinkSample? latest;
    private SrtConnection? current;
    private double lastRttMs;

    public SrtUplink(SrtUplinkSettings settings, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        this.settings = settings;
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        queue = new TsMessageQueue(settings.MaxQueueBytes);
        StreamId = SrtStreamId.Publish(settings.KioskId, settings.SessionId).ToString();
        target = $"srt://{settings.Host}:{settings.Port}";
    }

    /// <summary>Raised with every sample (see <see cref="SrtLinkSample"/>), on the sender thread.</summary>
    public event Action<SrtLinkSample>? Sampled;

    public string StreamId { get; }

    public SrtUplinkState State
    {
        get
        {
            lock (stateGate)
            {
                return state;
            }
        }
    }

    /// <summary>Vietnamese sentence for the operator about the last change (null before the first attempt).</summary>
    public string? LastReason
    {
        get
        {
            lock (stateGate)
            {
                return lastReason;
            }
        }
    }

    public int Connects => Volatile.Read(ref connects);

    public long SentBytes => Interlocked.Read(ref sentBytes);

    /// <summary>Bytes dropped from the live path (queue overflow, unsent at stop). The local recording still has them.</summary>
    public long DroppedBytes => Interlocked.Read(ref droppedBytes);

    public long QueuedBytes => queue.QueuedBytes;

    public SrtLinkSample? LatestStats => Volatile.Read(ref latest);

    /// <summary>SRT latency for a path: 4 x RTT (SRT's advice for retransmissions to make it), at least 120 ms; 120 when unknown.</summary>
    public static int DeriveLatencyMs(TimeSpan? measuredRtt) =>
        measuredRtt is { } rtt && rtt > TimeSpan.Zero
            ? (int)Math.Min(60000, Math.Max(UnknownRttLatencyMs, Math.Ceiling(4 * rtt.TotalMilliseconds)))
            : UnknownRttLatencyMs;

    public void Start()
    {
        lock (stateGate)
        {
            ObjectDisposedException.ThrowIf(stopping.IsCancellationRequested, this);
            if (thread is not null)
            {
                throw new InvalidOperationException("The SRT uplink is already started.");
            }

            thread = new Thread(Run) { IsBackground = true, Name = "srt-uplink" };
            state = SrtUplinkState.Connecting;
        }

        thread.Start();
    }

    /// <summary>Queues whole TS packets (any multiple of 188 bytes) for the live path. Never blocks on the network.</summary>
    public void Send(ReadOnlySpan<byte> tsPackets)
    {
        if (stopping.IsCancellationRequested)
        {
            Interlocked.Add(ref droppedBytes, tsPackets.Length);
            return;
        }

        var dropped = queue.Enqueue(tsPackets);
        if (dropped > 0)
        {
            Interlocked.Add(ref droppedBytes, dropped);
        }
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for everything queued to be handed to SRT (end of a
    /// session). False at once when not connected, or when time runs out; the upload fills the rest.
    /// </summary>
    public async Task<bool> DrainAsync(TimeSpan timeout)
    {
        var started = time.GetTimestamp();
        while (queue.OutstandingBytes > 0)
        {
            if (State != SrtUplinkState.Connected || time.GetElapsedTime(started) >= timeout)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), time).ConfigureAwait(false);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        Thread? running;
        lock (stateGate)
        {
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            stopping.Cancel();
            running = thread;
        }

        queue.Wake();

        // Closing here also frees a send that SRT is holding back; DrainAsync is the polite way to finish.
        Volatile.Read(ref current)?.Dispose();
        if (running is not null)
        {
            // A connect in progress finishes within ConnectTimeout; nothing else blocks for long.
            await finished.Task.ConfigureAwait(false);
        }

        Interlocked.Add(ref droppedBytes, queue.Clear());
        SetState(SrtUplinkState.Stopped, LastReason);
        SrtUplinkLog.Stopped(logger, SentBytes, DroppedBytes);
        stopping.Dispose();
    }

    private void Run()
    {
        try
        {
            var attempt = 0;
            while (!stopping.IsCancellationRequested)
            {
                var latencyMs = settings.LatencyMs ?? DeriveLatencyMs(lastRttMs > 0 ? TimeSpan.FromMilliseconds(lastRttMs) : null);
                if (State == SrtUplinkState.Connecting)
                {
                    SrtUplinkLog.Connecting(logger, settings.Host, settings.Port, latencyMs);
                }

                SrtConnection connection;
                try
                {
                    connection = SrtConnection.Connect(CallerOptions(latencyMs));
                }
                catch (Exception e)
                {
                    // Anything else (libsrt missing, an option refused) is reported like a failed connect, never thrown on this thread.
                    var failure = e as SrtConnectException ?? new SrtConnectException(e.Message, SrtRejectReason.System, null);
                    var refused = SrtUplinkReasons.IsRefusal(failure);
                    var delay = refused ? settings.ReconnectMaxDelay : ReconnectBackoff.Delay(attempt++, settings.ReconnectMinDelay, settings.ReconnectMaxDelay, jitter);
                    ReportConnectFailure(failure, refused, delay);
                    Pause(delay);
                    continue;
                }

                attempt = 0;
                var count = Interlocked.Increment(ref connects);
                SetState(SrtUplinkState.Connected, SrtUplinkReasons.Connected(target));
                lastLoggedProblem = null;
                SrtUplinkLog.Connected(logger, settings.Host, settings.Port, latencyMs, count);
                Volatile.Write(ref current, connection);
                try
                {
                    Pump(connection);
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    SetState(SrtUplinkState.Down, SrtUplinkReasons.ForLostConnection(target));
                    SrtUplinkLog.ConnectionLost(logger, e.Message);
                    lastLoggedProblem = e.Message;
                    Publish(Disconnected());
                    Pause(ReconnectBackoff.Delay(attempt++, settings.ReconnectMinDelay, settings.ReconnectMaxDelay, jitter));
                }
                catch (Exception) when (stopping.IsCancellationRequested)
                {
                    // DisposeAsync closed the connection under a send: nothing to report.
                }
                finally
                {
                    Volatile.Write(ref current, null);
                    connection.Dispose();
                }
            }
        }
        finally
        {
            finished.TrySetResult();
        }
    }

    /// <summary>Sends until stopped; throws <see cref="SrtException"/> when the link breaks.</summary>
    private void Pump(SrtConnection connection)
    {
        _ = connection.GetStats(clear: true);
        var lastSample = time.GetTimestamp();
        while (!stopping.IsCancellationRequested)
        {
            var untilSample = settings.StatsInterval - time.GetElapsedTime(lastSample);
            if (untilSample <= TimeSpan.Zero)
            {
                lastSample = time.GetTimestamp();
                Sample(connection);
                continue;
            }

            if (queue.TryTake(untilSample, out var message))
            {
                try
                {
                    connection.Send(message.Span);
                    Interlocked.Add(ref sentBytes, message.Length);
                }
                finally
                {
                    queue.Release(message);
                }
            }
        }
    }

    private void Sample(SrtConnection connection)
    {
        if (!connection.IsConnected)
        {
            throw new SrtException("the SRT connection is broken (peer idle or closed)");
        }

        var stats = connection.GetStats(clear: true);
        var sent = Math.Max(1, stats.PacketsSent);
        if (stats.RttMs > 0)
        {
            lastRttMs = stats.RttMs;
        }

        Publish(new SrtLinkSample
        {
            Time = time.GetUtcNow(),
            Connected = true,
            RttMs = stats.RttMs,
            // NAK reports can name a packet more than once: cap at 100 %.
            LossPercent = stats.PacketsSent == 0 ? 0 : Math.Min(100, 100.0 * stats.PacketsSendLoss / sent),
            RetransmitPercent = stats.PacketsSent == 0 ? 0 : Math.Min(100, 100.0 * stats.PacketsRetransmitted / sent),
            PacketsSent = stats.PacketsSent,
            PeerHeard = stats.PacketsSent == 0 || stats.AcksReceived > 0,
            SendBufferMs = stats.SendBufferMs,
            SendRateKbps = stats.SendRateMbps * 1000,
            BandwidthKbps = stats.BandwidthMbps * 1000,
            DroppedPackets = stats.PacketsSendDropped,
            LatencyMs = stats.LatencyMs,
            QueuedBytes = queue.QueuedBytes,
        });
    }

    private SrtLinkSample Disconnected() => new() { Time = time.GetUtcNow(), Connected = false, QueuedBytes = queue.QueuedBytes };

    private void Publish(SrtLinkSample sample)
    {
        Volatile.Write(ref latest, sample);
        try
        {
            Sampled?.Invoke(sample);
        }
        catch (Exception e)
        {
            SrtUplinkLog.SampleHandlerFailed(logger, e);
        }
    }

    private void ReportConnectFailure(SrtConnectException e, bool refused, TimeSpan delay)
    {
        SetState(refused ? SrtUplinkState.Refused : SrtUplinkState.Down, SrtUplinkReasons.ForConnectFailure(e, target));
        Publish(Disconnected());

        // One line per change of problem, not one per attempt: a kiosk may retry for hours.
        if (e.Message == lastLoggedProblem)
        {
            return;
        }

        lastLoggedProblem = e.Message;
        if (refused)
        {
            SrtUplinkLog.Refused(logger, e.Message, (long)delay.TotalMilliseconds);
        }
        else
        {
            SrtUplinkLog.ConnectFailed(logger, e.Message);
        }
    }

    private void Pause(TimeSpan delay)
    {
        try
        {
            Task.Delay(delay, time, stopping.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void SetState(SrtUplinkState next, string? reason)
    {
        lock (stateGate)
        {
            state = next;
            lastReason = reason;
        }
    }

    private SrtCallerOptions CallerOptions(int latencyMs) => settings.CallerOptions(StreamId, latencyMs);
}
