using System.Globalization;
using System.Text;
using TiepCongDan.Hub.Metrics;

namespace TiepCongDan.Hub.Reception;

/// <summary>The register's Prometheus series: sessions closed by outcome, and the two times the seeds care about. One per hub. Thread-safe.</summary>
public sealed class ReceptionMetrics
{
    private static readonly double[] MsBuckets = [250, 500, 1000, 2000, 3000, 5000, 8000, 13000, 20000, 30000, 60000, 120000];

    public LabeledCounter Sessions { get; } = new("tcd_hub_reception_sessions_total", "Reception sessions closed, by outcome.", "outcome");

    public Histogram CardToLive { get; } = new("tcd_hub_reception_card_to_live_ms", "Milliseconds from the card (or QR) presented to live, per session.", MsBuckets);

    public Histogram ButtonToLive { get; } = new("tcd_hub_reception_button_to_live_ms", "Milliseconds from the staff button to live, per session.", MsBuckets);

    /// <summary>Appends the register's series in the text exposition format (0.0.4).</summary>
    public void AppendPrometheus(StringBuilder sb)
    {
        ArgumentNullException.ThrowIfNull(sb);
        sb.Append("# HELP ").Append(Sessions.Name).Append(' ').Append(Sessions.Help).Append('\n');
        sb.Append("# TYPE ").Append(Sessions.Name).Append(" counter\n");
        foreach (var (outcome, value) in Sessions.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(Sessions.Name).Append("{outcome=\"").Append(outcome).Append("\"} ").Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        AppendHistogram(sb, CardToLive);
        AppendHistogram(sb, ButtonToLive);
    }

    private static void AppendHistogram(StringBuilder sb, Histogram histogram)
    {
        var (bounds, cumulative, sum, count) = histogram.Snapshot();
        sb.Append("# HELP ").Append(histogram.Name).Append(' ').Append(histogram.Help).Append('\n');
        sb.Append("# TYPE ").Append(histogram.Name).Append(" histogram\n");
        for (var i = 0; i < bounds.Length; i++)
        {
            sb.Append(histogram.Name).Append("_bucket{le=\"").Append(Num(bounds[i])).Append("\"} ").Append(cumulative[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        sb.Append(histogram.Name).Append("_bucket{le=\"+Inf\"} ").Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append(histogram.Name).Append("_sum ").Append(Num(sum)).Append('\n');
        sb.Append(histogram.Name).Append("_count ").Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
