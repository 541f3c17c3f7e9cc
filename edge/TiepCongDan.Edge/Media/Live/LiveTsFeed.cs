namespace TiepCongDan.Edge.Media.Live;

/// <summary>
/// One live MPEG-TS stream of the running session (the officials' return, or the kiosk's own
/// picture for the self-view) handed to whoever watches it on the kiosk page. The producer's
/// thread only walks the current subscriber array: no lock, no allocation when nobody watches.
/// Each session is one <see cref="Begin"/> .. <see cref="End"/>; subscribers hear the end and go.
/// Thread-safe.
/// </summary>
public sealed class LiveTsFeed
{
    private readonly object _gate = new();
    private Subscription[] _subscribers = [];
    private string? _sessionId;

    /// <summary>The session streaming now, or null.</summary>
    public string? SessionId => Volatile.Read(ref _sessionId);

    /// <summary>A new session starts: earlier subscribers are ended (they belonged to the last session).</summary>
    public void Begin(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        End();
        Volatile.Write(ref _sessionId, sessionId);
    }

    /// <summary>The session ended: every subscriber hears it and is dropped.</summary>
    public void End()
    {
        Subscription[] ended;
        lock (_gate)
        {
            ended = _subscribers;
            _subscribers = [];
            Volatile.Write(ref _sessionId, null);
        }

        foreach (var s in ended)
        {
            s.Ended();
        }
    }

    /// <summary>Whole TS packets of the running session, from the producer's one thread.</summary>
    public void Publish(ReadOnlySpan<byte> packets)
    {
        foreach (var s in Volatile.Read(ref _subscribers))
        {
            s.Data(packets);
        }
    }

    /// <summary>
    /// Watches <paramref name="sessionId"/>; null when that session is not the one streaming now
    /// (it ended, or has not started yet: the page asks again).
    /// </summary>
    /// <param name="onData">Called on the producer's thread: copy and return at once.</param>
    /// <param name="onEnded">Called once when the session ends.</param>
    public IDisposable? Subscribe(string sessionId, Action<ReadOnlySpan<byte>> onData, Action onEnded)
    {
        ArgumentNullException.ThrowIfNull(onData);
        ArgumentNullException.ThrowIfNull(onEnded);
        lock (_gate)
        {
            if (_sessionId is null || !string.Equals(_sessionId, sessionId, StringComparison.Ordinal))
            {
                return null;
            }

            var subscription = new Subscription(this, onData, onEnded);
            _subscribers = [.. _subscribers, subscription];
            return subscription;
        }
    }

    /// <summary>How many watch now (tests, logs).</summary>
    public int Subscribers => Volatile.Read(ref _subscribers).Length;

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscription))];
        }
    }

    private sealed class Subscription(LiveTsFeed feed, Action<ReadOnlySpan<byte>> onData, Action onEnded) : IDisposable
    {
        private int _ended;

        public void Data(ReadOnlySpan<byte> packets) => onData(packets);

        public void Ended()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                onEnded();
            }
        }

        public void Dispose()
        {
            _ = Interlocked.Exchange(ref _ended, 1);
            feed.Remove(this);
        }
    }
}
