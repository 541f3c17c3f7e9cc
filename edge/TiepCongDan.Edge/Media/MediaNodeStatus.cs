namespace TiepCongDan.Edge.Media;

/// <summary>The node-level media metrics (MediaMetrics "Media/..."); link numbers are null while no SRT link is up.</summary>
public sealed record MediaNodeStatus(
    string SessionId,
    string UplinkState,
    string UplinkReason,
    double? UplinkRttMs,
    double? UplinkLossPercent,
    double? UplinkRetransmitPercent,
    double? UplinkKbps,
    long PendingSegments,
    long PendingBytes,
    string StorageLevel)
{
    public static MediaNodeStatus Idle { get; } = new(string.Empty, "idle", string.Empty, null, null, null, null, 0, 0, "ok");
}
