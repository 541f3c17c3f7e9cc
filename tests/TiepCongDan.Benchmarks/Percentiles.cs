namespace TiepCongDan.Benchmarks;

/// <summary>Nearest-rank percentiles of a small sample (20 kills), no interpolation to invent values.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
