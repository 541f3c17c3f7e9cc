namespace TiepCongDan.Edge.Media.Adaptation;

public enum AdaptationDirection
{
    /// <summary>To a lower bitrate (higher rung index).</summary>
    Down,

    /// <summary>To a higher bitrate (lower rung index).</summary>
    Up,
}
