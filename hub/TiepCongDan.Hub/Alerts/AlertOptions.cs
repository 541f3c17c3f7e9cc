namespace TiepCongDan.Hub.Alerts;

/// <summary>The "Hub:Alerts" configuration section. Every key is documented in hub/README.md.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Hub:Alerts";

    /// <summary>Off: no evaluation, no notifications (the API still lists the stored alerts).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often every kiosk is checked against every rule.</summary>
    public int EvaluationIntervalSeconds { get; set; } = 10;

    /// <summary>Closed alerts older than this are deleted.</summary>
    public int HistoryRetentionDays { get; set; } = 365;

    /// <summary>Fleet-wide rule settings by rule id (offline, cpu-temperature, ...).</summary>
    public Dictionary<string, AlertRuleOptions> Rules { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per province code, rule settings that win over <see cref="Rules"/>.</summary>
    public Dictionary<string, Dictionary<string, AlertRuleOptions>> Provinces { get; set; } = new(StringComparer.Ordinal);

    public List<AlertWebhookOptions> Webhooks { get; set; } = [];

    /// <summary>Attempts per notification before it is given up (kept in the outbox as failed).</summary>
    public int WebhookMaxAttempts { get; set; } = 20;

    /// <summary>Wait before the second attempt; doubles per attempt up to <see cref="WebhookMaxDelayMs"/>.</summary>
    public int WebhookInitialDelayMs { get; set; } = 2000;

    public int WebhookMaxDelayMs { get; set; } = 300_000;

    public int WebhookTimeoutSeconds { get; set; } = 10;
}
