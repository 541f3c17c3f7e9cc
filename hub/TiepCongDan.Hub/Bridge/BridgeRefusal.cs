namespace TiepCongDan.Hub.Bridge;

/// <summary>The codes the bridge listener refuses with (the caller sees them as its reject reason).</summary>
public static class BridgeRefusal
{
    /// <summary>The stream id is not one the bridge understands.</summary>
    public const int BadStreamId = 1400;

    /// <summary>A point not configured, or not allowed for the session's province; a kiosk asking for another kiosk's return.</summary>
    public const int Forbidden = 1403;

    /// <summary>No such live session.</summary>
    public const int UnknownSession = 1404;
}
