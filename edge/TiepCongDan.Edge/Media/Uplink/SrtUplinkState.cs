namespace TiepCongDan.Edge.Media.Uplink;

/// <summary>Where the live path to the hub stands.</summary>
public enum SrtUplinkState
{
    /// <summary>Not started.</summary>
    Idle,

    /// <summary>First attempt in progress.</summary>
    Connecting,

    Connected,

    /// <summary>The hub refused the stream (passphrase, encryption or access); retried slowly.</summary>
    Refused,

    /// <summary>The hub is unreachable or the link broke; retried with back-off.</summary>
    Down,

    /// <summary>Disposed.</summary>
    Stopped,
}
