namespace TiepCongDan.Edge.Controls;

/// <summary>
/// How long a contact must be quiet to count (<see cref="Debounce"/>), held to be a long press,
/// and held to be stuck. Checked here too, because a stuck timeout under the long-press time would
/// turn every "end session" into an alarm.
/// </summary>
public sealed record ButtonTimings
{
    public ButtonTimings(TimeSpan debounce, TimeSpan longPress, TimeSpan stuckAfter)
    {
        if (debounce < TimeSpan.Zero || debounce > TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(debounce), debounce, "Debounce must be 0 to 1 s.");
        }

        if (longPress <= debounce)
        {
            throw new ArgumentOutOfRangeException(nameof(longPress), longPress, "The long-press time must be longer than the debounce time.");
        }

        if (stuckAfter <= longPress)
        {
            throw new ArgumentOutOfRangeException(nameof(stuckAfter), stuckAfter, "The stuck timeout must be longer than the long-press time.");
        }

        Debounce = debounce;
        LongPress = longPress;
        StuckAfter = stuckAfter;
    }

    /// <summary>30 ms quiet, 3 s long press (the staff button ends a session), 30 s stuck.</summary>
    public static ButtonTimings Default { get; } = new(TimeSpan.FromMilliseconds(30), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30));

    public TimeSpan Debounce { get; }

    public TimeSpan LongPress { get; }

    public TimeSpan StuckAfter { get; }
}
