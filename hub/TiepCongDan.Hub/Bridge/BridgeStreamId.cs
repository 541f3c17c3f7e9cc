using System.Diagnostics.CodeAnalysis;

namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// A stream id on the bridge listener, SRT access-control syntax:
/// <c>#!::r=session/&lt;session&gt;,m=request|publish,u=&lt;point&gt;</c> or
/// <c>#!::r=return/&lt;session&gt;,m=request,u=&lt;kiosk&gt;</c>. Unknown keys are ignored.
/// </summary>
public sealed record BridgeStreamId(BridgeStreamKind Kind, string SessionId, string User)
{
    private const string Prefix = "#!::";

    /// <summary>What the hub sends when it pushes a session to a caller point.</summary>
    public static string ForPush(string sessionId) => $"{Prefix}r=session/{sessionId},m=publish,u=hub,s={sessionId}";

    public static string ForPointRequest(string sessionId, string pointId) => $"{Prefix}r=session/{sessionId},m=request,u={pointId}";

    public static string ForPointPublish(string sessionId, string pointId) => $"{Prefix}r=session/{sessionId},m=publish,u={pointId}";

    public static string ForKioskReturn(string sessionId, string kioskId) => $"{Prefix}r=return/{sessionId},m=request,u={kioskId}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out BridgeStreamId? id)
    {
        id = null;
        if (text is null || text.Length > 512 || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        string? r = null, m = null, u = null;
        foreach (var pair in text[Prefix.Length..].Split(','))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return false;
            }

            switch (pair[..eq])
            {
                case "r": r = pair[(eq + 1)..]; break;
                case "m": m = pair[(eq + 1)..]; break;
                case "u": u = pair[(eq + 1)..]; break;
                default: break;
            }
        }

        if (string.IsNullOrEmpty(r) || string.IsNullOrEmpty(u))
        {
            return false;
        }

        var slash = r.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == r.Length - 1)
        {
            return false;
        }

        var session = r[(slash + 1)..];
        BridgeStreamKind? kind = (r[..slash], m) switch
        {
            ("session", "request") => BridgeStreamKind.PointRequest,
            ("session", "publish") => BridgeStreamKind.PointPublish,
            ("return", "request") => BridgeStreamKind.KioskReturn,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        id = new BridgeStreamId(kind.Value, session, u);
        return true;
    }
}
