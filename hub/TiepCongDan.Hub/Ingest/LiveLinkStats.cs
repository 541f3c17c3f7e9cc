namespace TiepCongDan.Hub.Ingest;

/// <summary>The receive side of one kiosk's SRT link over the last interval.</summary>
public sealed record LiveLinkStats(
    double ReceiveKbps,
    double RttMs,
    double LossPercent,
    long PacketsRetransmitted,
    long PacketsDropped,
    int LatencyMs,
    long BytesReceived);
