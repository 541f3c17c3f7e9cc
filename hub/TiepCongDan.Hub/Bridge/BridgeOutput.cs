using Microsoft.Extensions.Logging;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// One receiver of one session (a point, or the kiosk for the return path): its own bounded queue
/// and its own sender thread, so a slow or unreachable receiver never holds up the ingest or the
/// other receivers. A push output calls the point again with back-off (full jitter) for as long as
/// it lives; a pull output serves the one connection it was given and closes when that breaks.
/// After every (re)connect the output waits for the next segment marker (when asked to), so a late
/// receiver starts with a marker, then PAT/PMT and a keyframe.
/// Thread safety: <see cref="Offer"/> from any thread; <see cref="Status"/> from any thread.
/// </summary>
public sealed class BridgeOutput : IDisposable
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(1);

    private readonly Func<SrtConnection>? _connect;
    private readonly DropOldestQueue _queue;
    private readonly bool _joinAtMarker;
    private readonly ReconnectBackoff _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Metrics.Histogram? _addedLatency;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly Lock _connectionGate = new();
    private SrtConnection? _accepted;
    private SrtConnection? _current;
    private volatile OutputState _state = OutputState.Connecting;
    private long _bytesSent;
    private long _retransmitsBefore;
    private int _connects;
    private int? _lastRejectCode;
    private OutputSample _sample = new(0, 0, 0, 0, 0);

    private BridgeOutput(string sessionId, string receiver, OutputKind kind, Func<SrtConnection>? connect, SrtConnection? accepted,
        BridgeOutputSettings settings, TimeProvider time, ILogger logger)
    {
        SessionId = sessionId;
        Receiver = receiver;
        Kind = kind;
        _connect = connect;
        _accepted = accepted;
        _joinAtMarker = settings.JoinAtMarker;
        _queue = new DropOldestQueue(settings.QueueMessages);
        _backoff = new ReconnectBackoff(settings.ReconnectMin, settings.ReconnectMax);
        _time = time;
        _logger = logger;
        _addedLatency = settings.AddedLatency;
        _thread = new Thread(Run) { IsBackground = true, Name = $"bridge {kind} {receiver}" };
    }

    public string SessionId { get; }

    /// <summary>The point id, or the kiosk id for <see cref="OutputKind.Return"/>.</summary>
    public string Receiver { get; }

    public OutputKind Kind { get; }

    public OutputState State => _state;

    /// <summary>Raised once on the sender thread when a pull output's connection has ended.</summary>
    public event Action<BridgeOutput>? Closed;

    /// <summary>An output that calls the receiver itself and keeps calling while it lives.</summary>
    public static BridgeOutput StartPush(string sessionId, string receiver, Func<SrtConnection> connect, BridgeOutputSettings settings, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(connect);
        var output = new BridgeOutput(sessionId, receiver, OutputKind.Push, connect, null, settings, time, logger);
        output._thread.Start();
        return output;
    }

    /// <summary>An output serving one connection the bridge listener accepted; it owns (and disposes) it.</summary>
    public static BridgeOutput StartPull(string sessionId, string receiver, OutputKind kind, SrtConnection accepted, BridgeOutputSettings settings, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var output = new BridgeOutput(sessionId, receiver, kind, null, accepted, settings, time, logger);
        output._thread.Start();
        return output;
    }

    /// <summary>Queues a message when a receiver is connected; never blocks.</summary>
    public void Offer(TsMessage message)
    {
        if (_state == OutputState.Connected)
        {
            _queue.Add(message);
        }
    }

    public OutputStatus Status()
    {
        var s = Volatile.Read(ref _sample);
        return new OutputStatus(SessionId, Receiver, Kind, _state, Interlocked.Read(ref _bytesSent), s.Kbps, s.RttMs, s.LossPercent,
            Interlocked.Read(ref _retransmitsBefore) + s.Retransmits, _queue.Dropped, s.AddedLatencyMs, Volatile.Read(ref _connects), _lastRejectCode);
    }

    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _stop.Cancel();
        _queue.Wake();
        lock (_connectionGate)
        {
            // Closing the socket wakes a send blocked on a full SRT buffer.
            _current?.Dispose();
            _accepted?.Dispose();
        }

        if (Thread.CurrentThread != _thread && _thread.Join(TimeSpan.FromSeconds(5)))
        {
            _stop.Dispose();
        }
    }

    private void Run()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            var connection = Open();
            if (connection is null)
            {
                if (_connect is null)
                {
                    break;
                }

                Wait(_backoff.Next(), token);
                continue;
            }

            _backoff.Reset();
            Interlocked.Increment(ref _connects);
            _queue.Clear();
            _state = OutputState.Connected;
            BridgeLog.OutputConnected(_logger, SessionId, Receiver, Kind.ToString());
            var retransmits = Pump(connection, token);
            _state = OutputState.Connecting;
            Interlocked.Add(ref _retransmitsBefore, retransmits);
            Volatile.Write(ref _sample, _sample with { Kbps = 0, Retransmits = 0 });
            lock (_connectionGate)
            {
                _current = null;
            }

            connection.Dispose();
            if (_connect is null || token.IsCancellationRequested)
            {
                break;
            }

            BridgeLog.OutputLost(_logger, SessionId, Receiver);
            Wait(_backoff.Next(), token);
        }

        _state = OutputState.Closed;
        BridgeLog.OutputClosed(_logger, SessionId, Receiver, Kind.ToString());
        Closed?.Invoke(this);
    }

    private SrtConnection? Open()
    {
        lock (_connectionGate)
        {
            if (_accepted is { } given)
            {
                _accepted = null;
                _current = given;
                return given;
            }
        }

        if (_connect is null)
        {
            return null;
        }

        try
        {
            var connection = _connect();
            lock (_connectionGate)
            {
                if (_stop.IsCancellationRequested)
                {
                    connection.Dispose();
                    return null;
                }

                _current = connection;
            }

            return connection;
        }
        catch (SrtConnectException e)
        {
            var refused = e.Reason is SrtRejectReason.PeerRejected or SrtRejectReason.BadSecret or SrtRejectReason.Unsecure;
            _state = refused ? OutputState.Refused : OutputState.Connecting;
            _lastRejectCode = e.UserCode;
            BridgeLog.ConnectFailed(_logger, SessionId, Receiver, e.Reason.ToString(), e.UserCode ?? 0, _backoff.Failures + 1);
            return null;
        }
        catch (SrtException e)
        {
            _state = OutputState.Connecting;
            BridgeLog.ConnectFailed(_logger, SessionId, Receiver, e.Message, e.ErrorCode, _backoff.Failures + 1);
            return null;
        }
    }

    /// <summary>Sends until the connection breaks or the output stops; returns the connection's retransmit total.</summary>
    private long Pump(SrtConnection connection, CancellationToken token)
    {
        var awaitingMarker = _joinAtMarker;
        var lastSample = _time.GetTimestamp();
        long bytesAtSample = 0, bytesThisConnection = 0, retransmits = 0;
        double waitedMs = 0;
        var waitedCount = 0;
        while (!token.IsCancellationRequested)
        {
            var message = _queue.Take(TimeSpan.FromMilliseconds(200));
            var elapsed = _time.GetElapsedTime(lastSample);
            if (elapsed >= SampleEvery)
            {
                if (!connection.IsConnected)
                {
                    break;
                }

                retransmits = Sample(connection, bytesThisConnection - bytesAtSample, elapsed, waitedCount == 0 ? 0 : waitedMs / waitedCount);
                bytesAtSample = bytesThisConnection;
                lastSample = _time.GetTimestamp();
                waitedMs = 0;
                waitedCount = 0;
            }

            if (message is null)
            {
                continue;
            }

            if (awaitingMarker && !message.StartsWithMarker)
            {
                continue;
            }

            awaitingMarker = false;
            try
            {
                connection.Send(message.Data);
            }
            catch (SrtException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }

            var waited = _time.GetElapsedTime(message.ArrivedTimestamp).TotalMilliseconds;
            waitedMs += waited;
            _addedLatency?.Observe(waited / 1000);
            waitedCount++;
            bytesThisConnection += message.Data.Length;
            Interlocked.Add(ref _bytesSent, message.Data.Length);
        }

        return retransmits;
    }

    private long Sample(SrtConnection connection, long bytes, TimeSpan elapsed, double addedLatencyMs)
    {
        try
        {
            var stats = connection.GetStats(clear: true);
            var loss = stats.PacketsSent > 0 ? 100.0 * stats.PacketsSendLoss / stats.PacketsSent : 0;
            Volatile.Write(ref _sample, new OutputSample(bytes * 8 / elapsed.TotalMilliseconds, stats.RttMs, loss, stats.PacketsRetransmittedTotal, addedLatencyMs));
            return stats.PacketsRetransmittedTotal;
        }
        catch (SrtException)
        {
            return Volatile.Read(ref _sample).Retransmits;
        }
    }

    private void Wait(TimeSpan delay, CancellationToken token)
    {
        try
        {
            Task.Delay(delay, _time, token).Wait(token);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
