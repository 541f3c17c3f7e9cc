using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Screen;

/// <summary>The display power methods Edge:Screen:DisplayPower names (decision 0018 says which fits which kiosk).</summary>
public static class DisplayPowerSinks
{
    public const string None = "none";

    /// <summary>Raspberry Pi OS Bookworm and later (Wayland, wlroots compositors labwc/wayfire/cage): `wlr-randr --output HDMI-A-1 --off`.</summary>
    public const string WlrRandr = "wlr-randr";

    /// <summary>An X11 kiosk: DPMS through `xset dpms force off`.</summary>
    public const string Xset = "xset";

    /// <summary>Pi firmware `vcgencmd display_power 0`: only the legacy (non-KMS) graphics stack honours it.</summary>
    public const string Vcgencmd = "vcgencmd";

    public static IReadOnlyList<string> Kinds { get; } = [None, WlrRandr, Xset, Vcgencmd];

    /// <exception cref="ArgumentException">An unknown method (the validator refuses it first).</exception>
    public static IDisplayPowerSink Create(EdgeScreenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.DisplayPower switch
        {
            None => new LoggingDisplayPowerSink(),
            WlrRandr => new CommandDisplayPowerSink("wlr-randr", "wlr-randr", ["--output", options.DisplayOutput, "--on"], ["--output", options.DisplayOutput, "--off"]),
            Xset => new CommandDisplayPowerSink("xset", "x11-xserver-utils", ["dpms", "force", "on"], ["dpms", "force", "off"]),
            Vcgencmd => new CommandDisplayPowerSink("vcgencmd", "raspi-utils", ["display_power", "1"], ["display_power", "0"]),
            _ => throw new ArgumentException($"Edge:Screen:DisplayPower '{options.DisplayPower}' is not one of {string.Join(", ", Kinds)}.", nameof(options)),
        };
    }
}
