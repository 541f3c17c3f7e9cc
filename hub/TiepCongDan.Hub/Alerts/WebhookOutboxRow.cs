using SQLite;

namespace TiepCongDan.Hub.Alerts;

/// <summary>One notification waiting for its receiver (table webhook_outbox): written with the alert change, deleted once delivered.</summary>
[Table("webhook_outbox")]
public sealed class WebhookOutboxRow
{
    [PrimaryKey]
    [AutoIncrement]
    [Column("id")]
    public long Id { get; set; }

    [Column("url")]
    public string Url { get; set; } = string.Empty;

    [Column("body")]
    public string Body { get; set; } = string.Empty;

    [Column("alert_id")]
    public long AlertId { get; set; }

    [Column("attempts")]
    public int Attempts { get; set; }

    [Column("next_ms")]
    [Indexed]
    public long NextAttemptAtMs { get; set; }

    /// <summary>True once <see cref="AlertOptions.WebhookMaxAttempts"/> ran out: kept for the technician, not sent again.</summary>
    [Column("failed")]
    public bool Failed { get; set; }

    [Column("last_error")]
    public string LastError { get; set; } = string.Empty;
}
