namespace TiepCongDan.Edge.Options;

/// <summary>
/// The kiosk screen (section "Edge:Screen"), validated at start by <see cref="EdgeScreenOptionsValidator"/>:
/// the page the kiosk browser shows full screen, served on loopback only, and the display's power.
/// </summary>
public sealed class EdgeScreenOptions
{
    public const string SectionName = "Edge:Screen";

    /// <summary>The only address the page is served on: the browser runs on the kiosk itself.</summary>
    public const string LoopbackAddress = "127.0.0.1";

    /// <summary>
    /// True on a kiosk (the image's edge.json sets it). False by default because one fixed loopback
    /// port cannot serve several tcd-edge processes on one machine (build.sh run, the fleet tests).
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>Must be 127.0.0.1: the page carries the citizen's name and must never reach the network.</summary>
    public string Address { get; set; } = LoopbackAddress;

    /// <summary>The TCP port on 127.0.0.1; the browser opens http://127.0.0.1:Port/.</summary>
    public int Port { get; set; } = 8787;

    /// <summary>Seconds of Idle after which the display is switched off (300: five minutes).</summary>
    public int IdleOffSeconds { get; set; } = 300;

    /// <summary>The page's language when the state does not say: "vi" (default) or "en".</summary>
    public string Language { get; set; } = "vi";

    /// <summary>
    /// How the display is switched: "none" (development; nothing is switched), "wlr-randr"
    /// (Raspberry Pi OS Bookworm's Wayland compositors), "xset" (an X11 kiosk, DPMS) or "vcgencmd"
    /// (Pi firmware display_power, legacy graphics stack only).
    /// </summary>
    public string DisplayPower { get; set; } = "none";

    /// <summary>The output wlr-randr switches (see `wlr-randr` with no arguments on the kiosk).</summary>
    public string DisplayOutput { get; set; } = "HDMI-A-1";

    /// <summary>The ffmpeg that turns the session's live streams into video the page plays (Debian's ffmpeg).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    public TimeSpan IdleOff => TimeSpan.FromSeconds(IdleOffSeconds);
}
