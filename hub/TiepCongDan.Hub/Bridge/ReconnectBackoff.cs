namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// Exponential back-off with full jitter (a random delay between 0 and min(max, min x 2^failures)),
/// so points that come back after an outage are not called by every session at the same instant.
/// Not thread-safe: one per output's sender thread.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan min, TimeSpan max, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;
    private int _failures;

    public int Failures => _failures;

    public TimeSpan Next()
    {
        var ceiling = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, Math.Min(_failures, 30)));
        _failures++;
        return TimeSpan.FromMilliseconds(Math.Max(1, _random.NextDouble() * ceiling));
    }

    public void Reset() => _failures = 0;
}
