using SQLite;

namespace TiepCongDan.Edge.Media.Recording;

/// <summary>Table "media_sessions": one reception session recorded on this kiosk.</summary>
[Table("media_sessions")]
internal sealed class SessionRow
{
    [PrimaryKey, Column("session_id")]
    public string SessionId { get; set; } = string.Empty;

    [Column("kiosk_id"), NotNull]
    public string KioskId { get; set; } = string.Empty;

    [Column("started_at_ms")]
    public long StartedAtMs { get; set; }

    [Column("ended_at_ms")]
    public long? EndedAtMs { get; set; }

    [Column("segment_count")]
    public int? SegmentCount { get; set; }

    [Column("end_declared")]
    public bool EndDeclared { get; set; }

    public SessionRecord ToRecord() => new(SessionId, KioskId, StartedAtMs, EndedAtMs, SegmentCount, EndDeclared);
}
