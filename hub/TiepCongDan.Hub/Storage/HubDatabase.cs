using SQLite;

namespace TiepCongDan.Hub.Storage;

/// <summary>
/// The hub's SQLite file (WAL). One connection opened full-mutex; callers still serialise through
/// <see cref="_gate"/> so a batch transaction is never interleaved with another writer.
/// Thread-safe.
/// </summary>
public sealed class HubDatabase : IDisposable
{
    private readonly SQLiteConnection _connection;
    private readonly Lock _gate = new();

    public HubDatabase(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        Path = System.IO.Path.Combine(dataDirectory, "hub.db");
        _connection = new SQLiteConnection(Path, SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create | SQLiteOpenFlags.FullMutex);
        _connection.ExecuteScalar<string>("PRAGMA journal_mode=WAL");
        _connection.Execute("PRAGMA synchronous=NORMAL");
        _connection.CreateTable<KioskRow>();
        _connection.CreateTable<HistoryRow>();
        _connection.CreateTable<UserRow>();
    }

    public string Path { get; }

    public T Run<T>(Func<SQLiteConnection, T> work)
    {
        lock (_gate)
        {
            return work(_connection);
        }
    }

    public void RunInTransaction(Action<SQLiteConnection> work)
    {
        lock (_gate)
        {
            _connection.RunInTransaction(() => work(_connection));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }
}
