namespace TiepCongDan.Edge.Controls;

/// <summary>
/// The status light's patterns, one table: a new mode or a different rhythm is a line here, not a
/// branch in the driver. Rhythms are far apart so a citizen or a technician tells them apart at a
/// glance: slow single blink, steady, fast blink, steady with a dark blink, double blink.
/// </summary>
public static class LedPatterns
{
    private static readonly Dictionary<StatusLedMode, LedPattern> Status = new()
    {
        [StatusLedMode.Off] = LedPattern.Steady("off", on: false),
        [StatusLedMode.Idle] = LedPattern.Blink("idle", 150, 2850),
        [StatusLedMode.Ready] = LedPattern.Steady("ready", on: true),
        [StatusLedMode.Connecting] = LedPattern.Blink("connecting", 125, 125),
        [StatusLedMode.Live] = LedPattern.Blink("live", 1900, 100),
        [StatusLedMode.Error] = LedPattern.Blink("error", 150, 150, 150, 1550),
    };

    private static readonly LedPattern LiveLightOn = LedPattern.Steady("on-air", on: true);
    private static readonly LedPattern LiveLightOff = LedPattern.Steady("off", on: false);

    /// <summary>The status light's pattern for a mode.</summary>
    public static LedPattern For(StatusLedMode mode) =>
        Status.TryGetValue(mode, out var pattern)
            ? pattern
            : throw new ArgumentOutOfRangeException(nameof(mode), mode, "No light pattern for this mode.");

    /// <summary>The optional second ("on air") light: steady on while live, dark otherwise.</summary>
    public static LedPattern ForLiveLight(StatusLedMode mode) => mode == StatusLedMode.Live ? LiveLightOn : LiveLightOff;
}
