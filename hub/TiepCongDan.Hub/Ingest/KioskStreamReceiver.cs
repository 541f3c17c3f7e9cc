using Microsoft.Extensions.Logging;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Ingest;

/// <summary>
/// One accepted kiosk connection on its own thread: receive → keep well-formed TS → bus subscribers and
/// the live recorder. Malformed data is dropped and counted; a connection that sends nothing but
/// malformed data for <see cref="GarbageTimeout"/> is closed. <see cref="Dispose"/> (any thread) closes
/// the connection, which ends the loop.
/// </summary>
internal sealed class KioskStreamReceiver : IDisposable
{
    public static readonly TimeSpan GarbageTimeout = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ReceiveWake = TimeSpan.FromMilliseconds(500);

    private readonly SrtConnection _connection;
    private readonly LiveSessionBus _bus;
    private readonly LiveSession _session;
    private readonly int _generation;
    private readonly LiveSegmentRecorder? _recorder;
    private readonly IngestMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bytes;
    private long _badPackets;
    private int _closed;

    public KioskStreamReceiver(SrtConnection connection, LiveSessionBus bus, LiveSession session, int generation, LiveSegmentRecorder? recorder,
        IngestMetrics metrics, TimeProvider time, ILogger logger)
    {
        _connection = connection;
        _bus = bus;
        _session = session;
        _generation = generation;
        _recorder = recorder;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "srt-ingest " + session.SessionId };
    }

    public LiveSession Session => _session;

    public int Generation => _generation;

    public SrtConnection Connection => _connection;

    /// <summary>Completes when the loop has ended and the session was told.</summary>
    public Task Finished => _finished.Task;

    public long BadPackets => Interlocked.Read(ref _badPackets);

    public void Start() => _thread.Start();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _connection.Dispose();
        }
    }

    private void Run()
    {
        try
        {
            Receive();
        }
        catch (Exception e)
        {
            IngestLog.ReceiveFailed(_logger, _session.KioskId, _session.SessionId, e);
        }
        finally
        {
            _recorder?.ConnectionEnded();
            _recorder?.Dispose();
            Dispose();
            _bus.Detach(_session, _generation);
            IngestLog.Disconnected(_logger, _session.KioskId, _session.SessionId, Interlocked.Read(ref _bytes), BadPackets);
            _finished.TrySetResult();
        }
    }

    private void Receive()
    {
        var message = new byte[1500];
        var packets = new byte[1500];
        var lastGood = _time.GetTimestamp();
        var badSinceGood = false;
        _connection.SetReceiveTimeout(ReceiveWake);
        while (Volatile.Read(ref _closed) == 0)
        {
            int received;
            try
            {
                received = _connection.Receive(message);
            }
            catch (TimeoutException)
            {
                received = -1;
            }

            if (received == 0)
            {
                return;
            }

            if (received > 0)
            {
                Interlocked.Add(ref _bytes, received);
                _metrics.AddBytesReceived(received);
                var good = TsFraming.KeepWholePackets(message.AsSpan(0, received), packets, out var bad);
                if (bad > 0)
                {
                    Interlocked.Add(ref _badPackets, bad);
                    _metrics.AddBadPackets(bad);
                    badSinceGood = true;
                }

                if (good > 0)
                {
                    lastGood = _time.GetTimestamp();
                    badSinceGood = false;
                    var span = packets.AsSpan(0, good);
                    _bus.Publish(_session, span);
                    _recorder?.Append(span);
                }
            }

            // Silence alone is not a fault (an encoder restarting); SRT's peer idle timeout ends dead links.
            if (badSinceGood && _time.GetElapsedTime(lastGood) >= GarbageTimeout)
            {
                _metrics.GarbageCloses.Inc();
                IngestLog.GarbageClosed(_logger, _session.KioskId, _session.SessionId, (int)GarbageTimeout.TotalSeconds);
                return;
            }
        }
    }
}
