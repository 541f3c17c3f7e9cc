namespace TiepCongDan.Hub.Bridge;

/// <summary>What a caller of the bridge listener wants, from its stream id's resource and mode.</summary>
public enum BridgeStreamKind
{
    /// <summary><c>r=session/&lt;s&gt;,m=request,u=&lt;point&gt;</c>: a point pulls the kiosk's session.</summary>
    PointRequest,

    /// <summary><c>r=session/&lt;s&gt;,m=publish,u=&lt;point&gt;</c>: an official sends picture and voice back.</summary>
    PointPublish,

    /// <summary><c>r=return/&lt;s&gt;,m=request,u=&lt;kiosk&gt;</c>: the kiosk fetches the officials' stream.</summary>
    KioskReturn,
}
