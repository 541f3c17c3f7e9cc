namespace TiepCongDan.Contracts.SelfTest;

/// <summary>
/// A kiosk's self-test (<c>tcd-edge selftest</c>): every check with its outcome. <see cref="Passed"/>
/// is true when no check failed (warnings and skips do not fail it). Sent by the kiosk to
/// <see cref="SelfTestProtocol.ReportPath"/>; the hub keeps the latest per kiosk.
/// </summary>
public sealed record SelfTestReport(
    string KioskId,
    string Version,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    bool Passed,
    IReadOnlyList<SelfTestCheckResult> Checks)
{
    /// <summary>The ids of the failed checks, in order.</summary>
    public IReadOnlyList<string> FailedIds() => [.. Checks.Where(c => c.Status == SelfTestStatus.Fail).Select(c => c.Id)];
}
