using SQLite;

namespace TiepCongDan.Edge.Media.Recording;

/// <summary>Table "media_segments": one segment file and where it stands.</summary>
[Table("media_segments")]
internal sealed class SegmentRow
{
    [PrimaryKey, AutoIncrement, Column("id")]
    public long Id { get; set; }

    [Column("session_id"), NotNull, Indexed(Name = "ux_media_segments", Order = 1, Unique = true)]
    public string SessionId { get; set; } = string.Empty;

    [Column("seq"), Indexed(Name = "ux_media_segments", Order = 2, Unique = true)]
    public int Sequence { get; set; }

    /// <summary>One of <see cref="SegmentState"/>'s names, lower case.</summary>
    [Column("state"), NotNull]
    public string State { get; set; } = SegmentState.Open;

    [Column("sha256")]
    public string? Sha256 { get; set; }

    [Column("bytes")]
    public long Bytes { get; set; }

    [Column("start_pts")]
    public long StartPts { get; set; }

    [Column("duration_ms")]
    public long DurationMs { get; set; }

    /// <summary>Wall clock when the segment began, ms since the Unix epoch.</summary>
    [Column("opened_at_ms")]
    public long OpenedAtMs { get; set; }

    [Column("recovered")]
    public bool Recovered { get; set; }

    public SegmentRecord ToRecord() => new(SessionId, Sequence, StartPts, DurationMs, Bytes, Sha256 ?? string.Empty, Recovered);
}
