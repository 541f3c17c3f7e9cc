namespace TiepCongDan.Edge.Watchdog;

/// <summary>
/// Heartbeat of the node's main loop. The loop calls <see cref="Beat"/> after every sample; the
/// watchdog pets systemd only while beats are recent, so a stalled loop gets the service restarted.
/// Thread-safe.
/// </summary>
public interface INodeLiveness
{
    void Beat();

    bool IsAlive(TimeSpan maxAge);
}
