namespace TiepCongDan.Edge.Media.Recording;

/// <summary>The states a segment row goes through: open → closed → confirmed (then deleted), or lost.</summary>
internal static class SegmentState
{
    public const string Open = "open";
    public const string Closed = "closed";
    public const string Confirmed = "confirmed";
    public const string Lost = "lost";
}
