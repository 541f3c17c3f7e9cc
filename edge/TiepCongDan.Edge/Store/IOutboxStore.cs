using TiepCongDan.Contracts.Sparkplug;

namespace TiepCongDan.Edge.Store;

/// <summary>
/// Bounded store-and-forward queue of data messages produced while the hub was unreachable.
/// When full, the oldest record is dropped and counted. Thread-safe: the sampling loop appends
/// while the connection loop drains.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Adds a record; when this returns the record is durable (for the SQLite store: committed, synchronous=FULL).</summary>
    long Append(SparkplugMessageType messageType, string? deviceId, byte[] payload, long createdMs);

    /// <summary>Up to <paramref name="max"/> records, oldest first.</summary>
    IReadOnlyList<OutboxRecord> Oldest(int max);

    /// <summary>Removes a record once it was published.</summary>
    void Remove(long id);

    long Pending { get; }

    /// <summary>Records dropped since the kiosk was installed because the store was full.</summary>
    long Dropped { get; }
}
