namespace TiepCongDan.Edge.Sparkplug;

/// <summary>
/// Exponential back-off with full jitter between a minimum and a maximum: after a broker restart
/// thousands of kiosks must not reconnect in lock-step (the reconnect storm of FLEET.md).
/// </summary>
public static class ReconnectBackoff
{
    /// <summary>A delay drawn uniformly from [min, min(max, min·2^attempt)].</summary>
    public static TimeSpan Delay(int attempt, TimeSpan min, TimeSpan max, Random random)
    {
        var exponent = Math.Min(attempt, 30);
        var capMs = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, exponent));
        var ms = min.TotalMilliseconds + (random.NextDouble() * Math.Max(0, capMs - min.TotalMilliseconds));
        return TimeSpan.FromMilliseconds(ms);
    }
}
