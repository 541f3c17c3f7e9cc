namespace TiepCongDan.Hub.Alerts;

/// <summary>
/// One rule's settings as configured (Hub:Alerts:Rules:{rule} or Hub:Alerts:Provinces:{code}:{rule}).
/// Every field is optional: a province's value wins over the fleet's, which wins over the built-in default.
/// </summary>
public sealed class AlertRuleOptions
{
    public bool? Enabled { get; set; }

    /// <summary>The rule's limit: °C, % free disk, % loss, pending segments (see hub/README.md per rule).</summary>
    public double? Threshold { get; set; }

    /// <summary>upload-backlog only: pending bytes above which the backlog alerts.</summary>
    public long? MaxBytes { get; set; }

    /// <summary>upload-backlog only: minutes the backlog has grown without shrinking before it alerts.</summary>
    public int? RisingMinutes { get; set; }

    /// <summary>Seconds the condition must hold without a break before the alert opens.</summary>
    public int? ForSeconds { get; set; }

    /// <summary>Seconds the condition must stay clear without a break before the alert closes by itself.</summary>
    public int? ClearSeconds { get; set; }

    /// <summary>warning or critical.</summary>
    public string? Severity { get; set; }
}
