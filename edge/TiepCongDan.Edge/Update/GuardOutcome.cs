namespace TiepCongDan.Edge.Update;

/// <summary>What one run of <c>tcd-edge update guard</c> did.</summary>
public enum GuardOutcome
{
    /// <summary>No update pending.</summary>
    Nothing,

    /// <summary>Pending, not confirmed yet, deadline not reached.</summary>
    Waiting,

    /// <summary>Confirmed: the new version is kept and the marker removed.</summary>
    Kept,

    /// <summary>Deadline passed unconfirmed: <c>current</c> points at the previous version again.</summary>
    RolledBack,

    /// <summary>An install stopped before switching (a crash): the old version stays, the marker is removed.</summary>
    Abandoned,

    /// <summary>Deadline passed unconfirmed but there is no previous release to go back to (the first install): the version is marked bad and stays.</summary>
    CannotRollBack,
}
