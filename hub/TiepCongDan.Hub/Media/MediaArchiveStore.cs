using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Media;

/// <summary>Sessions and confirmed segments in the hub's SQLite file (tables media_sessions, media_segments). Thread-safe.</summary>
public sealed class MediaArchiveStore
{
    private readonly HubDatabase _database;

    public MediaArchiveStore(HubDatabase database)
    {
        _database = database;
        _database.Run(c =>
        {
            c.CreateTable<MediaSessionRow>();
            return c.CreateTable<MediaSegmentRow>();
        });
    }

    public MediaSessionRow? FindSession(string sessionId) =>
        _database.Run(c => c.Find<MediaSessionRow>(sessionId));

    /// <summary>
    /// Inserts the session owned by the row's kiosk, or merges an existing one of the same kiosk (an end once
    /// declared is kept). Returns the stored row, which names another kiosk when the id is taken.
    /// </summary>
    public (MediaSessionRow Stored, bool Created) DeclareSession(MediaSessionRow declared)
    {
        MediaSessionRow stored = declared;
        var created = false;
        _database.RunInTransaction(c =>
        {
            var existing = c.Find<MediaSessionRow>(declared.Id);
            if (existing is null)
            {
                c.Insert(declared);
                stored = declared;
                created = true;
                return;
            }

            if (existing.KioskId != declared.KioskId)
            {
                stored = existing;
                return;
            }

            existing.StartedAtMs = declared.StartedAtMs;
            existing.EndedAtMs = declared.EndedAtMs ?? existing.EndedAtMs;
            existing.SegmentCount = declared.SegmentCount ?? existing.SegmentCount;
            c.Update(existing);
            stored = existing;
        });
        return (stored, created);
    }

    public MediaSegmentRow? FindSegment(SegmentKey key) =>
        _database.Run(c => c.Find<MediaSegmentRow>(key.RowId));

    public void AddSegment(MediaSegmentRow row) => _database.Run(c => c.InsertOrReplace(row));

    public IReadOnlyList<MediaSegmentRow> Segments(string sessionId) =>
        _database.Run(c => c.Table<MediaSegmentRow>().Where(s => s.SessionId == sessionId).OrderBy(s => s.Sequence).ToList());
}
