namespace TiepCongDan.Hub.LineTest;

/// <summary>
/// What arrived from a kiosk's 10-second test stream. Frame counts come from the stamps burned into
/// the test pattern; AddedLatencyMs is capture (kiosk clock) to decoded at the hub (hub clock), so it
/// includes encode and decode and is meaningful when both clocks are synchronised (Clock/Synced).
/// </summary>
public sealed record LineTestReport(
    string KioskId,
    string TestId,
    double Seconds,
    long FramesSent,
    long FramesReceived,
    double BitrateKbps,
    double? RttMs,
    double? LossPercent,
    long? Retransmits,
    double? AddedLatencyMs,
    string Verdict,
    string VerdictText);
