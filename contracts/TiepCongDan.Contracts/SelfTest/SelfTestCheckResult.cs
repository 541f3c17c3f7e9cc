namespace TiepCongDan.Contracts.SelfTest;

/// <summary>
/// One check of a kiosk's self-test. <see cref="Summary"/> says what was found, <see cref="Advice"/>
/// what the technician does next (empty when the check passed); both in Vietnamese with an English
/// twin. <see cref="Measurements"/> holds the measured values as invariant-culture text
/// (e.g. "rttMs": "12.4"), so any client can show them without knowing each check.
/// </summary>
public sealed record SelfTestCheckResult(
    string Id,
    string Name,
    string NameEn,
    string Status,
    string Summary,
    string SummaryEn,
    string Advice,
    string AdviceEn,
    IReadOnlyDictionary<string, string> Measurements,
    long DurationMs);
