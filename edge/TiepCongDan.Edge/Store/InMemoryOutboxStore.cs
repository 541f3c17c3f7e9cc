using TiepCongDan.Contracts.Sparkplug;

namespace TiepCongDan.Edge.Store;

/// <summary>The outbox in memory, for simulated kiosks (no file per kiosk). Same bound and drop counting as SQLite.</summary>
public sealed class InMemoryOutboxStore(int maxRecords) : IOutboxStore
{
    private readonly Lock _gate = new();
    private readonly LinkedList<OutboxRecord> _records = new();
    private long _nextId = 1;
    private long _dropped;

    public long Pending
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Append(SparkplugMessageType messageType, string? deviceId, byte[] payload, long createdMs)
    {
        lock (_gate)
        {
            var record = new OutboxRecord(_nextId++, messageType, deviceId, payload, createdMs);
            _records.AddLast(record);
            while (_records.Count > maxRecords)
            {
                _records.RemoveFirst();
                Interlocked.Increment(ref _dropped);
            }

            return record.Id;
        }
    }

    public IReadOnlyList<OutboxRecord> Oldest(int max)
    {
        lock (_gate)
        {
            return _records.Take(max).ToList();
        }
    }

    public void Remove(long id)
    {
        lock (_gate)
        {
            for (var node = _records.First; node is not null; node = node.Next)
            {
                if (node.Value.Id == id)
                {
                    _records.Remove(node);
                    return;
                }
            }
        }
    }
}
