namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// A bounded queue between the ingest's receive thread (any number of writers, never blocked) and
/// one sender thread: when full, the oldest message goes and <see cref="Dropped"/> counts it, so a
/// slow or dead point costs the session nothing. Thread-safe.
/// </summary>
public sealed class DropOldestQueue
{
    private readonly Queue<TsMessage> _items;
    private readonly int _capacity;
    private readonly object _gate = new(); // Monitor.Wait/Pulse need an object, not a Lock
    private long _dropped;

    public DropOldestQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _items = new Queue<TsMessage>(Math.Min(capacity, 256));
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public void Add(TsMessage message)
    {
        lock (_gate)
        {
            if (_items.Count >= _capacity)
            {
                _ = _items.Dequeue();
                Interlocked.Increment(ref _dropped);
            }

            _items.Enqueue(message);
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for a message; null when none came.</summary>
    public TsMessage? Take(TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_items.Count == 0)
            {
                _ = Monitor.Wait(_gate, timeout);
            }

            return _items.TryDequeue(out var message) ? message : null;
        }
    }

    /// <summary>Empties the queue (a fresh connection starts from live data, not from what piled up).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }

    /// <summary>Wakes a waiting <see cref="Take"/> (used when stopping).</summary>
    public void Wake()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }
}
