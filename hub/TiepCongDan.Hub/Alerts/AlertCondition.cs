namespace TiepCongDan.Hub.Alerts;

/// <summary>
/// What one rule sees on one kiosk now. <see cref="Subject"/> tells alerts of one rule apart (the
/// peripheral's name; empty otherwise). <see cref="Holds"/> null means unknown (no data, or the
/// kiosk is offline so its last values are stale): neither an opening nor a clearing counts.
/// </summary>
public readonly record struct AlertCondition(string Rule, string Subject, bool? Holds, double? Value);
