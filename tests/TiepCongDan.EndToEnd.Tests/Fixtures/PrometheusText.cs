using System.Globalization;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// A parsed snapshot of a Prometheus text exposition (GET /metrics). Enough to sum counters
/// across label sets and to compute quantiles from the delta of two histogram snapshots.
/// </summary>
public sealed class PrometheusText
{
    private PrometheusText(IReadOnlyList<Sample> samples) => Samples = samples;

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public IReadOnlyList<Sample> Samples { get; }

    public static PrometheusText Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            string name;
            string rest;
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (brace >= 0 && (space < 0 || brace < space))
            {
                name = line[..brace];
                var close = line.LastIndexOf('}');
                if (close < brace)
                {
                    continue;
                }

                ParseLabels(line[(brace + 1)..close], labels);
                rest = line[(close + 1)..].Trim();
            }
            else if (space > 0)
            {
                name = line[..space];
                rest = line[(space + 1)..].Trim();
            }
            else
            {
                continue;
            }

            var valueText = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (valueText is not null && TryParseValue(valueText, out var value))
            {
                samples.Add(new Sample(name, labels, value));
            }
        }

        return new PrometheusText(samples);
    }

    /// <summary>Names of all samples, for "which metrics exist" diagnostics.</summary>
    public IEnumerable<string> Names => Samples.Select(s => s.Name).Distinct(StringComparer.Ordinal);

    public bool Has(string name) => Samples.Any(s => s.Name == name);

    /// <summary>Sum of a metric over every label set that matches the filter.</summary>
    public double Sum(string name, Func<IReadOnlyDictionary<string, string>, bool>? filter = null) =>
        Samples.Where(s => s.Name == name && (filter is null || filter(s.Labels))).Sum(s => s.Value);

    /// <summary>Cumulative bucket counts of a histogram (summed over its other labels), keyed by upper bound.</summary>
    public SortedDictionary<double, double> Buckets(string histogram)
    {
        var buckets = new SortedDictionary<double, double>();
        foreach (var sample in Samples.Where(s => s.Name == histogram + "_bucket"))
        {
            if (sample.Labels.TryGetValue("le", out var le) && TryParseValue(le, out var bound))
            {
                buckets[bound] = buckets.GetValueOrDefault(bound) + sample.Value;
            }
        }

        return buckets;
    }

    /// <summary>
    /// The q-quantile of the observations made between two snapshots, interpolated linearly
    /// inside the bucket as Prometheus' histogram_quantile does; NaN when nothing was observed.
    /// </summary>
    public static double QuantileOfDelta(PrometheusText before, PrometheusText after, string histogram, double q)
    {
        var start = before.Buckets(histogram);
        var end = after.Buckets(histogram);
        var delta = end.Select(kv => (Bound: kv.Key, Count: kv.Value - start.GetValueOrDefault(kv.Key))).ToList();
        if (delta.Count == 0)
        {
            return double.NaN;
        }

        var total = delta[^1].Count;
        if (total <= 0)
        {
            return double.NaN;
        }

        var rank = q * total;
        var previousBound = 0.0;
        var previousCount = 0.0;
        foreach (var (bound, count) in delta)
        {
            if (count >= rank)
            {
                if (double.IsPositiveInfinity(bound))
                {
                    return previousBound;
                }

                var inBucket = count - previousCount;
                return inBucket <= 0 ? bound : previousBound + ((bound - previousBound) * (rank - previousCount) / inBucket);
            }

            previousBound = bound;
            previousCount = count;
        }

        return previousBound;
    }

    private static void ParseLabels(string text, Dictionary<string, string> labels)
    {
        var i = 0;
        while (i < text.Length)
        {
            var eq = text.IndexOf('=', i);
            if (eq < 0)
            {
                return;
            }

            var key = text[i..eq].Trim().TrimStart(',').Trim();
            var open = text.IndexOf('"', eq);
            if (open < 0)
            {
                return;
            }

            var sb = new System.Text.StringBuilder();
            var j = open + 1;
            for (; j < text.Length && text[j] != '"'; j++)
            {
                if (text[j] == '\\' && j + 1 < text.Length)
                {
                    j++;
                }

                sb.Append(text[j]);
            }

            labels[key] = sb.ToString();
            i = j + 1;
        }
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text)
        {
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
