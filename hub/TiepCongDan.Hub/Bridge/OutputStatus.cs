namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// One output as the API and /metrics show it. Kbps, RTT, loss and retransmits come from the SRT
/// link (sampled about once a second); <see cref="AddedLatencyMs"/> is how long messages waited in
/// the hub between the ingest and the send (mean over the last second).
/// </summary>
public sealed record OutputStatus(
    string SessionId,
    string Receiver,
    OutputKind Kind,
    OutputState State,
    long BytesSent,
    double Kbps,
    double RttMs,
    double LossPercent,
    long Retransmits,
    long Drops,
    double AddedLatencyMs,
    int Connects,
    int? LastRejectCode);
