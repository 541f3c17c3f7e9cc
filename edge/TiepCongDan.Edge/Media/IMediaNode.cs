namespace TiepCongDan.Edge.Media;

/// <summary>
/// What the Sparkplug node needs from the media side: a status snapshot for the node's metrics and
/// the two session commands (from NCMD, the kiosk's session flow or a test). Thread-safe.
/// </summary>
public interface IMediaNode
{
    MediaNodeStatus Status { get; }

    /// <summary>Starts recording and streaming a session; returns its id. A running session is kept and its id returned.</summary>
    Task<string> StartSessionAsync(string? sessionId, CancellationToken cancellationToken);

    /// <summary>Ends the running session (no-op when idle). The local copy stays until the hub confirms it.</summary>
    Task StopSessionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Streams a 10-second test pattern with frame stamps to the hub (not recorded, not bridged) so
    /// the hub can measure the line before a session. Refused (false) while a session runs. Never throws.
    /// </summary>
    Task<bool> RunLineTestAsync(CancellationToken cancellationToken);
}
