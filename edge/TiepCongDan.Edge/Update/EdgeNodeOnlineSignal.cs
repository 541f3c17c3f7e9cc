using TiepCongDan.Edge.Sparkplug;

namespace TiepCongDan.Edge.Update;

/// <summary>
/// Healthy = <see cref="EdgeNode.IsOnline"/>: MQTT connected over TLS with the kiosk's certificate,
/// the hub's primary host STATE online, and our NBIRTH published, i.e. the hub lists the kiosk online.
/// </summary>
internal sealed class EdgeNodeOnlineSignal(EdgeNode node) : IHubOnlineSignal
{
    public bool IsOnline => node.IsOnline && node.IsConnected;
}
