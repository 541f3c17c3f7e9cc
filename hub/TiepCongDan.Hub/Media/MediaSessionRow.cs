using SQLite;

namespace TiepCongDan.Hub.Media;

/// <summary>A declared session; the kiosk that first declared it owns it.</summary>
[Table("media_sessions")]
public sealed class MediaSessionRow
{
    [PrimaryKey]
    [Column("id")]
    public string Id { get; set; } = string.Empty;

    [Column("kiosk")]
    [Indexed]
    public string KioskId { get; set; } = string.Empty;

    /// <summary>Unix ms as the kiosk declared it.</summary>
    [Column("started_ms")]
    public long StartedAtMs { get; set; }

    [Column("ended_ms")]
    public long? EndedAtMs { get; set; }

    /// <summary>How many segments the kiosk says the session has; null while it records.</summary>
    [Column("segment_count")]
    public int? SegmentCount { get; set; }

    [Column("declared_ms")]
    public long DeclaredAtMs { get; set; }
}
