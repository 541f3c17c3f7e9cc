using SQLite;

namespace TiepCongDan.Hub.Alerts;

/// <summary>One alert (table alerts in alerts.db): open until its condition clears, kept as history after.</summary>
[Table("alerts")]
public sealed class AlertRow
{
    [PrimaryKey]
    [AutoIncrement]
    [Column("id")]
    public long Id { get; set; }

    [Column("kiosk")]
    [Indexed]
    public string KioskId { get; set; } = string.Empty;

    [Column("province")]
    [Indexed]
    public string Province { get; set; } = string.Empty;

    [Column("rule")]
    public string Rule { get; set; } = string.Empty;

    /// <summary>Which peripheral, for rules that concern one; empty otherwise.</summary>
    [Column("subject")]
    public string Subject { get; set; } = string.Empty;

    [Column("severity")]
    public string Severity { get; set; } = string.Empty;

    [Column("state")]
    [Indexed]
    public string State { get; set; } = AlertState.Open;

    [Column("opened_ms")]
    [Indexed]
    public long OpenedAtMs { get; set; }

    [Column("acked_ms")]
    public long? AcknowledgedAtMs { get; set; }

    [Column("acked_by")]
    public string? AcknowledgedBy { get; set; }

    [Column("ack_comment")]
    public string? AcknowledgeComment { get; set; }

    [Column("closed_ms")]
    public long? ClosedAtMs { get; set; }

    [Column("last_value")]
    public double? LastValue { get; set; }

    /// <summary>How often the condition flipped between holding and clear while the alert was open (flap damping at work).</summary>
    [Column("flaps")]
    public int Flaps { get; set; }

    [Column("message_vi")]
    public string MessageVi { get; set; } = string.Empty;

    [Column("message_en")]
    public string MessageEn { get; set; } = string.Empty;
}
