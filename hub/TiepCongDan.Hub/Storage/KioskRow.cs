using SQLite;

namespace TiepCongDan.Hub.Storage;

/// <summary>One kiosk as persisted; metrics and devices as JSON so new metric names need no migration.</summary>
[Table("kiosks")]
public sealed class KioskRow
{
    [PrimaryKey]
    [Column("id")]
    public string Id { get; set; } = string.Empty;

    [Column("province")]
    public string Province { get; set; } = string.Empty;

    [Column("commune")]
    public string Commune { get; set; } = string.Empty;

    [Column("online")]
    public bool Online { get; set; }

    /// <summary>Unix milliseconds; 0 when never seen.</summary>
    [Column("last_seen")]
    public long LastSeenMs { get; set; }

    /// <summary>-1 when no birth was seen.</summary>
    [Column("bd_seq")]
    public long BdSeq { get; set; } = -1;

    [Column("metrics")]
    public string MetricsJson { get; set; } = "{}";

    [Column("devices")]
    public string DevicesJson { get; set; } = "{}";
}
