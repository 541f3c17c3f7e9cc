using Microsoft.Extensions.Logging;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// The return path of one session: the officials publishing from their points and the kiosk
/// fetching their stream. One official: its TS goes to the kiosk as is. Several: a
/// <see cref="ReturnComposer"/> makes one picture (the kiosk shows one) and the composite goes to
/// the kiosk. The composer is rebuilt when an official joins or leaves. Thread-safe.
/// </summary>
public sealed class SessionReturn : IDisposable
{
    private readonly string _sessionId;
    private readonly BridgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<ReturnPublisher> _publishers = [];
    private volatile BridgeOutput[] _kiosks = [];
    private volatile ReturnRouting _routing = new(new Dictionary<ReturnPublisher, int>(), null);
    private TimeSpan _cpuOfEndedComposers;
    private bool _disposed;

    public SessionReturn(string sessionId, BridgeOptions options, TimeProvider time, ILogger logger)
    {
        _sessionId = sessionId;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public bool IsComposing => _routing.Composer is not null;

    /// <summary>CPU the composing ffmpeg children of this session used so far.</summary>
    public TimeSpan ComposeCpuTime
    {
        get
        {
            lock (_gate)
            {
                return _cpuOfEndedComposers + (_routing.Composer?.CpuTime ?? TimeSpan.Zero);
            }
        }
    }

    public IReadOnlyList<ReturnStatus> Publishers
    {
        get
        {
            lock (_gate)
            {
                return [.. _publishers.Select(p => new ReturnStatus(p.PointId, p.BytesReceived, p.Kbps))];
            }
        }
    }

    public IReadOnlyList<OutputStatus> KioskOutputs => [.. _kiosks.Select(k => k.Status())];

    /// <summary>An official's point starts publishing; one already publishing from the same point is replaced.</summary>
    public void AddPublisher(string pointId, SrtConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var publisher = new ReturnPublisher(pointId, connection, OnData, OnEnded, _time);
        ReturnPublisher? replaced;
        lock (_gate)
        {
            if (_disposed)
            {
                connection.Dispose();
                return;
            }

            replaced = _publishers.Find(p => p.PointId == pointId);
            if (replaced is not null)
            {
                _ = _publishers.Remove(replaced);
            }

            _publishers.Add(publisher);
            Reroute();
        }

        replaced?.Dispose();
        BridgeLog.ReturnPublisherJoined(_logger, pointId, _sessionId, _publishers.Count);
        publisher.Start();
    }

    /// <summary>The kiosk's pull output; it leaves by itself when its connection ends.</summary>
    public void AddKiosk(BridgeOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        lock (_gate)
        {
            if (_disposed)
            {
                output.Dispose();
                return;
            }

            _kiosks = [.. _kiosks, output];
        }

        output.Closed += closed =>
        {
            lock (_gate)
            {
                _kiosks = [.. _kiosks.Where(k => k != closed)];
            }
        };
    }

    public void Dispose()
    {
        ReturnPublisher[] publishers;
        BridgeOutput[] kiosks;
        ReturnComposer? composer;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            publishers = [.. _publishers];
            _publishers.Clear();
            kiosks = _kiosks;
            _kiosks = [];
            composer = _routing.Composer;
            _routing = new ReturnRouting(new Dictionary<ReturnPublisher, int>(), null);
        }

        foreach (var publisher in publishers)
        {
            publisher.Dispose();
        }

        composer?.Dispose();
        foreach (var kiosk in kiosks)
        {
            kiosk.Dispose();
        }
    }

    private void OnData(ReturnPublisher publisher, ReadOnlySpan<byte> ts)
    {
        var routing = _routing;
        if (routing.Composer is { } composer)
        {
            if (routing.Index.TryGetValue(publisher, out var index))
            {
                composer.Feed(index, ts);
            }

            return;
        }

        if (routing.Index.ContainsKey(publisher))
        {
            ToKiosks(new TsMessage(ts.ToArray(), false, _time.GetTimestamp()));
        }
    }

    private void ToKiosks(TsMessage message)
    {
        foreach (var kiosk in _kiosks)
        {
            kiosk.Offer(message);
        }
    }

    private void OnEnded(ReturnPublisher publisher)
    {
        int remaining;
        lock (_gate)
        {
            if (_disposed || !_publishers.Remove(publisher))
            {
                return;
            }

            remaining = _publishers.Count;
            Reroute();
        }

        BridgeLog.ReturnPublisherLeft(_logger, publisher.PointId, _sessionId, remaining);
    }

    /// <summary>Called under the lock whenever the set of officials changes.</summary>
    private void Reroute()
    {
        var old = _routing.Composer;
        var index = _publishers.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        ReturnComposer? composer = null;
        if (_publishers.Count >= 2)
        {
            composer = new ReturnComposer(_sessionId, _publishers.Count, _options, ToKiosks, _time, _logger);
        }

        _routing = new ReturnRouting(index, composer);
        if (old is not null)
        {
            _cpuOfEndedComposers += old.CpuTime;
            // Stopping ffmpeg waits for its threads: not under the lock the data path reads.
            _ = Task.Run(old.Dispose);
        }
    }
}
