namespace TiepCongDan.Hub.Options;

/// <summary>
/// One reception point a session is bridged to (an entry of "Hub:Media:Points"): the provincial
/// centre, the central office in Hanoi, an invited agency. Caller: the hub pushes each session to
/// the point's SRT listener. Listener: the point pulls from the hub with stream id
/// <c>#!::r=session/&lt;session&gt;,m=request,u=&lt;point id&gt;</c>.
/// </summary>
public sealed class ReceptionPointOptions
{
    /// <summary>Short id, e.g. "tinh-14" or "trung-uong"; the SRT user name of the point.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Name shown to operators, e.g. "Ban Tiếp công dân tỉnh Sơn La".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Province codes whose sessions go to this point; "*" = every province (the central office).</summary>
    public List<string> Provinces { get; set; } = [];

    /// <summary>"caller" (hub pushes) or "listener" (point pulls).</summary>
    public string Mode { get; set; } = "caller";

    /// <summary>Caller mode: the point's SRT listener.</summary>
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; }

    /// <summary>The point's own SRT passphrase (10-79 characters); prefer <see cref="PassphraseFile"/>.</summary>
    public string? Passphrase { get; set; }

    public string? PassphraseFile { get; set; }

    public int LatencyMs { get; set; } = 500;
}
