namespace TiepCongDan.Edge.Media.Recording;

/// <summary>How much room the recording partition has left.</summary>
public enum StorageLevel
{
    /// <summary>Above the low-disk threshold.</summary>
    Ok,

    /// <summary>Below the low-disk threshold: raise an alarm, recording continues.</summary>
    Low,

    /// <summary>Below the reserve: recording stops (unconfirmed segments are never deleted to make room).</summary>
    Full,
}
