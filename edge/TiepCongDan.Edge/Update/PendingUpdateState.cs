namespace TiepCongDan.Edge.Update;

/// <summary>How far an update got; the marker is rewritten at each step so a crash can be finished.</summary>
public enum PendingUpdateState
{
    /// <summary>Unpacked and verified, the marker written; the symlinks may not have moved yet.</summary>
    Switching,

    /// <summary><c>current</c> points at the new version; waiting for its confirmation until the deadline.</summary>
    Switched,

    /// <summary>The deadline passed unconfirmed; <c>current</c> is being pointed back at the previous version.</summary>
    RollingBack,
}
