using SQLite;

namespace TiepCongDan.Hub.Media;

/// <summary>A segment the hub holds complete with a verified SHA-256.</summary>
[Table("media_segments")]
public sealed class MediaSegmentRow
{
    /// <summary>"{session}/{seq:D6}" (<see cref="SegmentKey.RowId"/>).</summary>
    [PrimaryKey]
    [Column("id")]
    public string Id { get; set; } = string.Empty;

    [Column("session")]
    [Indexed]
    public string SessionId { get; set; } = string.Empty;

    [Column("seq")]
    public int Sequence { get; set; }

    [Column("sha256")]
    public string Sha256 { get; set; } = string.Empty;

    [Column("bytes")]
    public long Bytes { get; set; }

    [Column("start_pts")]
    public long StartPts { get; set; }

    [Column("duration_ms")]
    public long DurationMs { get; set; }

    /// <summary><see cref="SegmentSources"/>: how the hub got it.</summary>
    [Column("source")]
    public string Source { get; set; } = string.Empty;

    [Column("confirmed_ms")]
    public long ConfirmedAtMs { get; set; }
}
