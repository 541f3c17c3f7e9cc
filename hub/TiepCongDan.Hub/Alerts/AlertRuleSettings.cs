namespace TiepCongDan.Hub.Alerts;

/// <summary>One rule's effective settings for one province (defaults, then fleet, then province).</summary>
public sealed record AlertRuleSettings(
    string Rule,
    bool Enabled,
    double Threshold,
    long MaxBytes,
    int RisingMinutes,
    int ForSeconds,
    int ClearSeconds,
    string Severity);
