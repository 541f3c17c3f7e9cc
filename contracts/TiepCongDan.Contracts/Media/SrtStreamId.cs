using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace TiepCongDan.Contracts.Media;

/// <summary>
/// The SRT stream id a kiosk sends when it calls the hub, in SRT's access-control syntax
/// (<c>#!::r=kiosk/14-04171,m=publish,u=14-04171,s=&lt;session&gt;</c>). The hub accepts a stream
/// only when <see cref="User"/> is a known kiosk, the resource names the same kiosk, and the
/// passphrase is that kiosk's own.
/// </summary>
public sealed record SrtStreamId(string Resource, string Mode, string User, string Session)
{
    public const string PublishMode = "publish";
    public const string RequestMode = "request";
    private const string Prefix = "#!::";

    /// <summary>The stream id of a kiosk publishing one session.</summary>
    public static SrtStreamId Publish(string kioskId, string sessionId) =>
        new("kiosk/" + kioskId, PublishMode, kioskId, sessionId);

    /// <summary>
    /// The stream id of a kiosk fetching the officials' picture and voice for its session from the
    /// hub's bridge listener (<c>#!::r=return/&lt;session&gt;,m=request,u=&lt;kiosk&gt;</c>; the hub ignores s=).
    /// </summary>
    public static SrtStreamId KioskReturn(string kioskId, string sessionId) =>
        new("return/" + sessionId, RequestMode, kioskId, sessionId);

    public override string ToString()
    {
        var text = new StringBuilder(Prefix)
            .Append("r=").Append(Resource)
            .Append(",m=").Append(Mode)
            .Append(",u=").Append(User)
            .Append(",s=").Append(Session)
            .ToString();
        // SRT limits SRTO_STREAMID to 512 bytes.
        return Encoding.UTF8.GetByteCount(text) <= 512 ? text : throw new InvalidOperationException("The SRT stream id is longer than 512 bytes.");
    }

    /// <summary>Parses the access-control syntax; unknown keys are ignored, the four we need are required.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SrtStreamId? id)
    {
        id = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length > 512)
        {
            return false;
        }

        string? r = null, m = null, u = null, s = null;
        foreach (var pair in text[Prefix.Length..].Split(','))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return false;
            }

            var value = pair[(eq + 1)..];
            switch (pair[..eq])
            {
                case "r": r = value; break;
                case "m": m = value; break;
                case "u": u = value; break;
                case "s": s = value; break;
                default: break;
            }
        }

        if (string.IsNullOrEmpty(r) || string.IsNullOrEmpty(m) || string.IsNullOrEmpty(u) || string.IsNullOrEmpty(s))
        {
            return false;
        }

        id = new SrtStreamId(r, m, u, s);
        return true;
    }
}
