namespace TiepCongDan.Hub.Bridge;

/// <summary>A session's bridge together with its bus subscription, closed together when the session ends.</summary>
internal sealed class BridgedSession(SessionBridge bridge) : IDisposable
{
    public SessionBridge Bridge { get; } = bridge;

    public IDisposable? Subscription { get; set; }

    public void Dispose()
    {
        Subscription?.Dispose();
        Bridge.Dispose();
    }
}
