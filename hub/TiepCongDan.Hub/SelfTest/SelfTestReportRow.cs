using SQLite;

namespace TiepCongDan.Hub.SelfTest;

/// <summary>The latest self-test of one kiosk (table selftest_reports): the verdict in columns for listing, the whole report as JSON.</summary>
[Table("selftest_reports")]
public sealed class SelfTestReportRow
{
    [PrimaryKey]
    [Column("kiosk")]
    public string KioskId { get; set; } = string.Empty;

    [Column("passed")]
    public bool Passed { get; set; }

    /// <summary>The failed check ids, comma-separated (empty when it passed).</summary>
    [Column("failed")]
    public string FailedChecks { get; set; } = string.Empty;

    [Column("version")]
    public string Version { get; set; } = string.Empty;

    [Column("started_ms")]
    public long StartedAtMs { get; set; }

    [Column("finished_ms")]
    public long FinishedAtMs { get; set; }

    [Column("received_ms")]
    [Indexed]
    public long ReceivedAtMs { get; set; }

    [Column("report_json")]
    public string ReportJson { get; set; } = string.Empty;
}
