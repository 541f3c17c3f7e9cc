using System.Text.Json;
using TiepCongDan.Hub.Media;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// The archive's tables in the hub's SQLite file: archive_sessions (metadata, seal state) and
/// archive_deletions. Every declared media session gets a row (<see cref="SyncFromMedia"/>). Thread-safe.
/// </summary>
public sealed class ArchiveCatalog
{
    private readonly HubDatabase _database;

    // MediaArchiveStore creates media_sessions and media_segments, which the sync reads.
    public ArchiveCatalog(HubDatabase database, MediaArchiveStore media)
    {
        ArgumentNullException.ThrowIfNull(media);
        _database = database;
        _database.Run(c =>
        {
            c.CreateTable<ArchiveSessionRow>();
            return c.CreateTable<ArchiveDeletionRow>();
        });
        Media = media;
    }

    public MediaArchiveStore Media { get; }

    /// <summary>Adds a row for every declared session and follows the kiosk's start/end until the session is sealed.</summary>
    public void SyncFromMedia() => _database.RunInTransaction(c =>
    {
        c.Execute("""
            INSERT OR IGNORE INTO archive_sessions (id, kiosk, commune, province, officials_json, case_kind, citizen_ref, legal_hold,
                started_ms, ended_ms, manifest_version, chain_head, metadata_updated_by)
            SELECT id, kiosk, substr(kiosk, 4, 5), substr(kiosk, 1, 2), '[]', '', '', 0, started_ms, ended_ms, 0, '', ''
            FROM media_sessions
            """);
        c.Execute("""
            UPDATE archive_sessions SET
                started_ms = (SELECT m.started_ms FROM media_sessions m WHERE m.id = archive_sessions.id),
                ended_ms = (SELECT m.ended_ms FROM media_sessions m WHERE m.id = archive_sessions.id)
            WHERE manifest_version = 0 AND id IN (SELECT id FROM media_sessions)
            """);
    });

    public ArchiveSessionRow? Find(string sessionId) => _database.Run(c => c.Find<ArchiveSessionRow>(sessionId));

    public void Update(ArchiveSessionRow row) => _database.Run(c => c.Update(row));

    /// <summary>Sessions whose end is declared but that are not sealed yet.</summary>
    public IReadOnlyList<ArchiveSessionRow> Unsealed() =>
        _database.Run(c => c.Table<ArchiveSessionRow>().Where(r => r.ManifestVersion == 0 && r.EndedAtMs != null).ToList());

    /// <summary>Ended sessions that ended before <paramref name="endedBeforeMs"/> and are not under legal hold.</summary>
    public IReadOnlyList<ArchiveSessionRow> Expired(long endedBeforeMs) =>
        _database.Run(c => c.Table<ArchiveSessionRow>().Where(r => !r.LegalHold && r.EndedAtMs != null && r.EndedAtMs < endedBeforeMs).ToList());

    public IReadOnlyList<ArchiveSessionRow> Search(SessionSearch search)
    {
        SyncFromMedia();
        return _database.Run(c =>
        {
            var query = c.Table<ArchiveSessionRow>();
            if (!string.IsNullOrEmpty(search.Commune))
            {
                query = query.Where(r => r.Commune == search.Commune);
            }

            if (!string.IsNullOrEmpty(search.Kiosk))
            {
                query = query.Where(r => r.KioskId == search.Kiosk);
            }

            if (!string.IsNullOrEmpty(search.CaseKind))
            {
                query = query.Where(r => r.CaseKind == search.CaseKind);
            }

            if (!string.IsNullOrEmpty(search.CitizenRef))
            {
                query = query.Where(r => r.CitizenRef == search.CitizenRef);
            }

            if (search.From is { } from)
            {
                var fromMs = from.ToUnixTimeMilliseconds();
                query = query.Where(r => r.StartedAtMs >= fromMs);
            }

            if (search.To is { } to)
            {
                var toMs = to.ToUnixTimeMilliseconds();
                query = query.Where(r => r.StartedAtMs <= toMs);
            }

            return query.OrderByDescending(r => r.StartedAtMs).Take(search.Limit).ToList();
        });
    }

    /// <summary>Removes the session's rows (archive and media) and records the deletion, in one transaction.</summary>
    public void RecordDeletion(ArchiveSessionRow row, int segmentCount, string policy, long deletedAtMs) => _database.RunInTransaction(c =>
    {
        c.InsertOrReplace(new ArchiveDeletionRow
        {
            SessionId = row.Id,
            KioskId = row.KioskId,
            StartedAtMs = row.StartedAtMs,
            EndedAtMs = row.EndedAtMs,
            DeletedAtMs = deletedAtMs,
            Policy = policy,
            ChainHead = row.ChainHead,
            SegmentCount = segmentCount,
        });
        c.Execute("DELETE FROM media_segments WHERE session = ?", row.Id);
        c.Execute("DELETE FROM media_sessions WHERE id = ?", row.Id);
        c.Delete<ArchiveSessionRow>(row.Id);
    });

    public IReadOnlyList<ArchiveDeletionRow> Deletions() =>
        _database.Run(c => c.Table<ArchiveDeletionRow>().OrderByDescending(d => d.DeletedAtMs).ToList());

    public static IReadOnlyList<Official> Officials(ArchiveSessionRow row) =>
        JsonSerializer.Deserialize<List<Official>>(row.OfficialsJson, ArchiveJson.Options) ?? [];

    public static string OfficialsJson(IReadOnlyList<Official> officials) => JsonSerializer.Serialize(officials, ArchiveJson.Options);
}
