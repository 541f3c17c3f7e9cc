using TiepCongDan.Contracts.SelfTest;

namespace TiepCongDan.Hub.SelfTest;

/// <summary>What operators get: when the hub received the kiosk's latest self-test, its verdict, the failed parts, and (for one kiosk) the whole report.</summary>
public sealed record SelfTestView(
    string KioskId,
    bool Passed,
    IReadOnlyList<string> FailedChecks,
    string Version,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    DateTimeOffset ReceivedAt,
    SelfTestReport? Report);
