namespace TiepCongDan.Hub.Bridge;

/// <summary>Where one bridge output stands.</summary>
public enum OutputState
{
    Connecting,
    Connected,

    /// <summary>The point refused the hub (wrong passphrase, its own access control); retried with back-off.</summary>
    Refused,
    Closed,
}
