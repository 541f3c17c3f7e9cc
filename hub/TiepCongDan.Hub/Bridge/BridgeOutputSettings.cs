using TiepCongDan.Hub.Metrics;

namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// How an output queues and reconnects (from <see cref="BridgeOptions"/>); <see cref="AddedLatency"/>,
/// when given, observes every message's wait in the hub (seconds), for p50/p99 across the bridge.
/// </summary>
public sealed record BridgeOutputSettings(int QueueMessages, TimeSpan ReconnectMin, TimeSpan ReconnectMax, bool JoinAtMarker, Histogram? AddedLatency = null)
{
    public static BridgeOutputSettings From(BridgeOptions options, bool joinAtMarker, Histogram? addedLatency = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.QueueMessages, TimeSpan.FromMilliseconds(options.ReconnectMinMs), TimeSpan.FromMilliseconds(options.ReconnectMaxMs), joinAtMarker, addedLatency);
    }
}
