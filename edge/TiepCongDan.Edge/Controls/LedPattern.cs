namespace TiepCongDan.Edge.Controls;

/// <summary>
/// A light pattern as data: steps repeated forever. One step means steady (its duration is not used).
/// </summary>
public sealed record LedPattern
{
    public LedPattern(string name, IReadOnlyList<LedStep> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            throw new ArgumentException($"Light pattern '{name}' has no steps.", nameof(steps));
        }

        if (steps.Count > 1 && steps.Any(s => s.Duration < TimeSpan.FromMilliseconds(20)))
        {
            throw new ArgumentException($"Light pattern '{name}' has a step shorter than 20 ms: the eye cannot see it and the timer cannot hold it.", nameof(steps));
        }

        Name = name;
        Steps = steps;
    }

    public string Name { get; }

    public IReadOnlyList<LedStep> Steps { get; }

    public bool IsSteady => Steps.Count == 1;

    /// <summary>One full cycle (zero for a steady pattern).</summary>
    public TimeSpan Period => IsSteady ? TimeSpan.Zero : Steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);

    public static LedPattern Steady(string name, bool on) => new(name, [new LedStep(on, TimeSpan.Zero)]);

    /// <summary>Alternating lit and dark steps, starting lit: Blink("idle", 150, 2850).</summary>
    public static LedPattern Blink(string name, params int[] onOffMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(onOffMilliseconds);
        return new LedPattern(name, onOffMilliseconds.Select((ms, i) => new LedStep(i % 2 == 0, TimeSpan.FromMilliseconds(ms))).ToList());
    }
}
