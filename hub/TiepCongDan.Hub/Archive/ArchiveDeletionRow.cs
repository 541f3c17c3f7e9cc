using SQLite;

namespace TiepCongDan.Hub.Archive;

/// <summary>That a session was deleted, when and by which policy (table archive_deletions). Holds no personal data.</summary>
[Table("archive_deletions")]
public sealed class ArchiveDeletionRow
{
    [PrimaryKey]
    [Column("id")]
    public string SessionId { get; set; } = string.Empty;

    [Column("kiosk")]
    public string KioskId { get; set; } = string.Empty;

    [Column("started_ms")]
    public long StartedAtMs { get; set; }

    [Column("ended_ms")]
    public long? EndedAtMs { get; set; }

    [Column("deleted_ms")]
    public long DeletedAtMs { get; set; }

    /// <summary>e.g. "retention: ended more than 3650 days ago".</summary>
    [Column("policy")]
    public string Policy { get; set; } = string.Empty;

    /// <summary>The last signed chain head, so what was deleted stays identifiable.</summary>
    [Column("chain_head")]
    public string ChainHead { get; set; } = string.Empty;

    [Column("segment_count")]
    public int SegmentCount { get; set; }
}
