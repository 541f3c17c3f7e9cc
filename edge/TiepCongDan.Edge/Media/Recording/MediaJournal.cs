using SQLite;

namespace TiepCongDan.Edge.Media.Recording;

/// <summary>
/// The SQLite journal of sessions and segments ({Directory}/media.db). WAL with synchronous=FULL:
/// a state change is on disk when the call returns. Not thread-safe on its own: the recorder
/// serializes calls.
/// </summary>
internal sealed class MediaJournal : IDisposable
{
    private readonly SQLiteConnection _db;

    public MediaJournal(string path)
    {
        _db = new SQLiteConnection(path, SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create | SQLiteOpenFlags.FullMutex);
        _db.ExecuteScalar<string>("PRAGMA journal_mode=WAL");
        _db.Execute("PRAGMA synchronous=FULL");
        _db.CreateTable<SessionRow>();
        _db.CreateTable<SegmentRow>();
    }

    public void InsertSession(SessionRow row) => _db.Insert(row);

    public SessionRow? FindSession(string sessionId) => _db.Find<SessionRow>(sessionId);

    public IReadOnlyList<SessionRow> Sessions() =>
        _db.Query<SessionRow>("SELECT * FROM media_sessions ORDER BY started_at_ms, session_id");

    public void UpdateSession(SessionRow row) => _db.Update(row);

    public void DeleteSession(string sessionId) =>
        _db.RunInTransaction(() =>
        {
            _db.Execute("DELETE FROM media_segments WHERE session_id = ?", sessionId);
            _db.Delete<SessionRow>(sessionId);
        });

    public void InsertSegment(SegmentRow row) => _db.Insert(row);

    public void UpdateSegment(SegmentRow row) => _db.Update(row);

    public void DeleteSegment(long id) => _db.Delete<SegmentRow>(id);

    public SegmentRow? FindSegment(string sessionId, int sequence) =>
        _db.Query<SegmentRow>("SELECT * FROM media_segments WHERE session_id = ? AND seq = ?", sessionId, sequence).FirstOrDefault();

    public IReadOnlyList<SegmentRow> Segments(string sessionId) =>
        _db.Query<SegmentRow>("SELECT * FROM media_segments WHERE session_id = ? ORDER BY seq", sessionId);

    public IReadOnlyList<SegmentRow> SegmentsInState(string state) =>
        _db.Query<SegmentRow>("SELECT * FROM media_segments WHERE state = ? ORDER BY session_id, seq", state);

    public IReadOnlyList<SegmentRow> AllSegments() =>
        _db.Query<SegmentRow>("SELECT * FROM media_segments ORDER BY session_id, seq");

    public long ClosedBytes() =>
        _db.ExecuteScalar<long>("SELECT COALESCE(SUM(bytes), 0) FROM media_segments WHERE state = ?", SegmentState.Closed);

    public int ClosedCount() =>
        _db.ExecuteScalar<int>("SELECT COUNT(*) FROM media_segments WHERE state = ?", SegmentState.Closed);

    public void Dispose() => _db.Dispose();
}
