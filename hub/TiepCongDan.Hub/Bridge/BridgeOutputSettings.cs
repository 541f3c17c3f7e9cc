namespace TiepCongDan.Hub.Bridge;

/// <summary>How an output queues and reconnects (from <see cref="BridgeOptions"/>).</summary>
public sealed record BridgeOutputSettings(int QueueMessages, TimeSpan ReconnectMin, TimeSpan ReconnectMax, bool JoinAtMarker)
{
    public static BridgeOutputSettings From(BridgeOptions options, bool joinAtMarker)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.QueueMessages, TimeSpan.FromMilliseconds(options.ReconnectMinMs), TimeSpan.FromMilliseconds(options.ReconnectMaxMs), joinAtMarker);
    }
}
