using SQLite;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Store;

namespace TiepCongDan.Edge.Tests.Store;

public sealed class Outbox_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-store-").FullName;

    private string DbPath => Path.Combine(_dir, "edge.db");

    [Fact]
    public void A_full_sqlite_outbox_drops_the_oldest_and_the_dropped_count_survives_a_reopen()
    {
        using (var store = new SqliteOutboxStore(DbPath, 3))
        {
            for (var i = 1; i <= 5; i++)
            {
                store.Append(SparkplugMessageType.NDATA, null, [(byte)i], i * 1000);
            }

            Assert.Equal(3, store.Pending);
            Assert.Equal(2, store.Dropped);
            Assert.Equal([3, 4, 5], store.Oldest(10).Select(r => (int)r.Payload[0]));
        }

        using var reopened = new SqliteOutboxStore(DbPath, 3);
        Assert.Equal(3, reopened.Pending);
        Assert.Equal(2, reopened.Dropped);
        var oldest = reopened.Oldest(1).Single();
        Assert.Equal(3000, oldest.CreatedMs);
        reopened.Remove(oldest.Id);
        Assert.Equal(2, reopened.Pending);
    }

    [Fact]
    public void The_in_memory_outbox_bounds_and_counts_the_same_way()
    {
        var store = new InMemoryOutboxStore(2);
        store.Append(SparkplugMessageType.NDATA, null, [1], 1);
        store.Append(SparkplugMessageType.DDATA, "camera", [2], 2);
        store.Append(SparkplugMessageType.NDATA, null, [3], 3);

        Assert.Equal(2, store.Pending);
        Assert.Equal(1, store.Dropped);
        Assert.Equal("camera", store.Oldest(1).Single().DeviceId);
    }

    [Fact]
    public void An_appended_record_is_committed_to_the_file_before_append_returns_wal_and_synchronous_full()
    {
        using var store = new SqliteOutboxStore(DbPath, 100);
        store.Append(SparkplugMessageType.NDATA, null, [42], 7);

        // A second, independent connection (as after a SIGKILL and restart) sees the row at once.
        using var other = new SQLiteConnection(DbPath, SQLiteOpenFlags.ReadOnly);
        Assert.Equal(1, other.ExecuteScalar<int>("SELECT COUNT(*) FROM outbox"));
        Assert.Equal("wal", other.ExecuteScalar<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public void BdSeq_counts_up_across_restarts_and_wraps_at_256()
    {
        using (var store = new SqliteOutboxStore(DbPath, 10))
        {
            Assert.Equal(0UL, store.NextBdSeq());
            Assert.Equal(1UL, store.NextBdSeq());
        }

        using (var store = new SqliteOutboxStore(DbPath, 10))
        {
            Assert.Equal(2UL, store.NextBdSeq());
            for (var i = 3; i < 256; i++)
            {
                store.NextBdSeq();
            }

            Assert.Equal(0UL, store.NextBdSeq());
        }
    }

    [Fact]
    public void The_event_journal_keeps_what_happened()
    {
        using var store = new SqliteOutboxStore(DbPath, 10);
        store.Record(1, "command", "reboot");
        store.Record(2, "device", "camera faulty");
        Assert.Equal([("device", "camera faulty"), ("command", "reboot")], store.RecentEvents(5));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
