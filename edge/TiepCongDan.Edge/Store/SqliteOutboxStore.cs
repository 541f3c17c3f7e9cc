using SQLite;
using TiepCongDan.Contracts.Sparkplug;

namespace TiepCongDan.Edge.Store;

/// <summary>
/// The kiosk's durable store (one SQLite file): outbox, bdSeq, dropped counter and event journal.
/// WAL with synchronous=FULL: a record is on disk when <see cref="Append"/> returns, so neither a
/// SIGKILL nor a power cut loses it. Thread-safe (one connection, serialized by a lock).
/// </summary>
public sealed class SqliteOutboxStore : IOutboxStore, IBdSeqStore, IEventJournal, IDisposable
{
    private const string BdSeqKey = "bdseq";
    private const string DroppedKey = "outbox_dropped";
    private const int MaxEvents = 10000;

    private readonly SQLiteConnection _db;
    private readonly int _maxRecords;
    private readonly Lock _gate = new();
    private long _pending;
    private long _dropped;
    private long _eventsSinceTrim;
    private bool _disposed;

    public SqliteOutboxStore(string path, int maxRecords)
    {
        _maxRecords = maxRecords;
        _db = new SQLiteConnection(path, SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create | SQLiteOpenFlags.FullMutex);
        _db.ExecuteScalar<string>("PRAGMA journal_mode=WAL");
        _db.Execute("PRAGMA synchronous=FULL");
        _db.CreateTable<OutboxRow>();
        _db.CreateTable<MetaRow>();
        _db.CreateTable<EventRow>();
        _pending = _db.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox");
        _dropped = ReadMeta(DroppedKey) ?? 0;
    }

    public string Path => _db.DatabasePath;

    public long Pending => Interlocked.Read(ref _pending);

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Append(SparkplugMessageType messageType, string? deviceId, byte[] payload, long createdMs)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var row = new OutboxRow { MessageType = messageType.ToString(), DeviceId = deviceId, Payload = payload, CreatedMs = createdMs };
            var dropped = 0;
            _db.RunInTransaction(() =>
            {
                _db.Insert(row);
                var excess = _pending + 1 - _maxRecords;
                if (excess > 0)
                {
                    dropped = _db.Execute("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT ?)", excess);
                    WriteMeta(DroppedKey, _dropped + dropped);
                }
            });
            Interlocked.Add(ref _pending, 1 - dropped);
            Interlocked.Add(ref _dropped, dropped);
            return row.Id;
        }
    }

    public IReadOnlyList<OutboxRecord> Oldest(int max)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _db.Query<OutboxRow>("SELECT * FROM outbox ORDER BY id LIMIT ?", max)
                .Select(r => new OutboxRecord(r.Id, Enum.Parse<SparkplugMessageType>(r.MessageType), r.DeviceId, r.Payload, r.CreatedMs))
                .ToList();
        }
    }

    public void Remove(long id)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_db.Delete<OutboxRow>(id) > 0)
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    public ulong NextBdSeq()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // First start: 0. Afterwards the value after the last one handed out, so a restarted
            // kiosk's NBIRTH carries the previous session's bdSeq + 1.
            var last = ReadMeta(BdSeqKey);
            var next = last is null ? 0 : (last.Value + 1) % 256;
            WriteMeta(BdSeqKey, next);
            return (ulong)next;
        }
    }

    public void Record(long timestampMs, string kind, string detail)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return; // a late event while shutting down is not worth a crash
            }

            _db.Insert(new EventRow { TimestampMs = timestampMs, Kind = kind, Detail = detail });
            if (++_eventsSinceTrim >= 1000)
            {
                _eventsSinceTrim = 0;
                _db.Execute("DELETE FROM events WHERE id <= (SELECT MAX(id) FROM events) - ?", MaxEvents);
            }
        }
    }

    internal IReadOnlyList<(string Kind, string Detail)> RecentEvents(int max)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _db.Query<EventRow>("SELECT * FROM events ORDER BY id DESC LIMIT ?", max).Select(e => (e.Kind, e.Detail)).ToList();
        }
    }

    public void Dispose()
    {
        // Under the lock: a native SQLite handle used after close would crash the process.
        lock (_gate)
        {
            _disposed = true;
            _db.Dispose();
        }
    }

    private long? ReadMeta(string key) => _db.Find<MetaRow>(key)?.Value;

    private void WriteMeta(string key, long value) => _db.InsertOrReplace(new MetaRow { Key = key, Value = value });
}
