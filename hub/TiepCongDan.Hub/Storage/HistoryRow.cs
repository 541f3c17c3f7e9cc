using SQLite;

namespace TiepCongDan.Hub.Storage;

/// <summary>One downsampled sample of a kiosk's key numeric metrics.</summary>
[Table("history")]
public sealed class HistoryRow
{
    [PrimaryKey, AutoIncrement]
    [Column("rowid_")]
    public long RowId { get; set; }

    [Indexed(Name = "ix_history_kiosk_time", Order = 1)]
    [Column("kiosk_id")]
    public string KioskId { get; set; } = string.Empty;

    [Indexed(Name = "ix_history_kiosk_time", Order = 2)]
    [Column("ts")]
    public long TimestampMs { get; set; }

    [Column("online")]
    public bool Online { get; set; }

    /// <summary>Online with no peripheral absent or faulty (the reports' availability); null on rows written before it was kept.</summary>
    [Column("healthy")]
    public bool? Healthy { get; set; }

    [Column("cpu_load")]
    public double? CpuLoad { get; set; }

    [Column("cpu_temperature")]
    public double? CpuTemperature { get; set; }

    [Column("memory_available")]
    public double? MemoryAvailable { get; set; }

    [Column("disk_free")]
    public double? DiskFree { get; set; }

    [Column("hub_rtt")]
    public double? HubRtt { get; set; }

    /// <summary>The live uplink's bitrate during a session (kbit/s); null outside one and on older rows.</summary>
    [Column("uplink_kbps")]
    public double? UplinkKbps { get; set; }

    /// <summary>The live uplink's SRT loss during a session (%); null outside one and on older rows.</summary>
    [Column("uplink_loss_percent")]
    public double? UplinkLossPercent { get; set; }
}
