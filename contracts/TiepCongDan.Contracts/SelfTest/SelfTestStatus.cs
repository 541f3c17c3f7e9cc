namespace TiepCongDan.Contracts.SelfTest;

/// <summary>
/// A check's outcome on the wire. Only <see cref="Fail"/> makes the whole self-test fail: a warning
/// is something to look at (no card on the reader, clock not yet confirmed by NTP), a skip says why
/// the part was not tested (not configured on this kiosk).
/// </summary>
public static class SelfTestStatus
{
    public const string Pass = "pass";
    public const string Warn = "warn";
    public const string Fail = "fail";
    /// <summary>The check did not run (not asked for, or nothing to check on this kiosk); the wire value stays "skip".</summary>
    public const string NotRun = "skip";

    public static bool IsKnown(string? status) => status is Pass or Warn or Fail or NotRun;
}
