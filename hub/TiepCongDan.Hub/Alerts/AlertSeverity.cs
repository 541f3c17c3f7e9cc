namespace TiepCongDan.Hub.Alerts;

/// <summary>Alert severities.</summary>
public static class AlertSeverity
{
    public const string Warning = "warning";
    public const string Critical = "critical";

    public static bool IsValid(string? severity) => severity is Warning or Critical;
}
