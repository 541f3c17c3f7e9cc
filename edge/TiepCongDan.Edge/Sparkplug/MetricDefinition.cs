using TiepCongDan.Contracts.Sparkplug;

namespace TiepCongDan.Edge.Sparkplug;

/// <summary>
/// A node metric as born in NBIRTH: name, fixed alias, type, and when a new value counts as a change
/// for report-by-exception. <paramref name="Deadband"/> is absolute, or a fraction of the metric
/// named by <paramref name="DeadbandOf"/> (disk free: 1 % of disk total).
/// <paramref name="FullReportOnly"/> metrics (uptime) change every sample and go out only in full reports.
/// </summary>
public sealed record MetricDefinition(
    string Name,
    ulong Alias,
    SparkplugDataType DataType,
    double Deadband = 0,
    string? DeadbandOf = null,
    bool FullReportOnly = false)
{
    /// <summary>True when <paramref name="current"/> differs enough from <paramref name="reported"/> to be sent.</summary>
    public bool HasChanged(SparkplugValue reported, SparkplugValue current, IReadOnlyDictionary<string, SparkplugValue> all)
    {
        if (FullReportOnly)
        {
            return false;
        }

        if (reported.Value is null || current.Value is null)
        {
            return reported.Value is not null || current.Value is not null;
        }

        var band = DeadbandOf is not null && all.TryGetValue(DeadbandOf, out var of) && AsDouble(of) is { } total
            ? total * Deadband
            : Deadband;
        if (band > 0 && AsDouble(reported) is { } a && AsDouble(current) is { } b)
        {
            // A little slack so 0.30 -> 0.35 counts as the 0.05 it is despite binary rounding.
            return Math.Abs(b - a) >= band * (1 - 1e-9);
        }

        return !Equals(reported.Value, current.Value);
    }

    private static double? AsDouble(SparkplugValue value) => value.Value switch
    {
        double d => d,
        ulong u => u,
        long l => l,
        _ => null,
    };
}
