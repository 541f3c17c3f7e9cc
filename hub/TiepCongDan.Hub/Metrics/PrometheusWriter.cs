using System.Diagnostics;
using System.Globalization;
using System.Text;
using TiepCongDan.Hub.Registry;

namespace TiepCongDan.Hub.Metrics;

/// <summary>Renders the Prometheus text exposition format (version 0.0.4).</summary>
public static class PrometheusWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(HubMetrics metrics, KioskRegistry registry)
    {
        var sb = new StringBuilder(4096);
        Gauge(sb, "tcd_hub_kiosks_known", "Kiosks the hub knows of.", registry.Count);
        Gauge(sb, "tcd_hub_kiosks_online", "Kiosks currently online (birth seen, no death since).", registry.OnlineCount);
        foreach (var counter in new[]
                 {
                     metrics.Messages, metrics.Dropped, metrics.RebirthRequests, metrics.StaleDeaths,
                     metrics.RefusedPublishes, metrics.RefusedSubscriptions, metrics.RefusedConnections, metrics.Commands,
                 })
        {
            Counter(sb, counter);
        }

        HistogramText(sb, metrics.IngestLatency);
        ProcessStats(sb);
        return sb.ToString();
    }

    private static void Gauge(StringBuilder sb, string name, string help, double value)
    {
        sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        sb.Append("# TYPE ").Append(name).Append(" gauge\n");
        sb.Append(name).Append(' ').Append(Num(value)).Append('\n');
    }

    private static void Counter(StringBuilder sb, LabeledCounter counter)
    {
        sb.Append("# HELP ").Append(counter.Name).Append(' ').Append(counter.Help).Append('\n');
        sb.Append("# TYPE ").Append(counter.Name).Append(" counter\n");
        var any = false;
        foreach (var (label, value) in counter.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            any = true;
            sb.Append(counter.Name);
            if (counter.LabelName is not null)
            {
                sb.Append('{').Append(counter.LabelName).Append("=\"").Append(Escape(label)).Append("\"}");
            }

            sb.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        if (!any && counter.LabelName is null)
        {
            sb.Append(counter.Name).Append(" 0\n");
        }
    }

    private static void HistogramText(StringBuilder sb, Histogram histogram)
    {
        var (bounds, cumulative, sum, count) = histogram.Snapshot();
        sb.Append("# HELP ").Append(histogram.Name).Append(' ').Append(histogram.Help).Append('\n');
        sb.Append("# TYPE ").Append(histogram.Name).Append(" histogram\n");
        for (var i = 0; i < bounds.Length; i++)
        {
            sb.Append(histogram.Name).Append("_bucket{le=\"").Append(Num(bounds[i])).Append("\"} ").Append(cumulative[i]).Append('\n');
        }

        sb.Append(histogram.Name).Append("_bucket{le=\"+Inf\"} ").Append(count).Append('\n');
        sb.Append(histogram.Name).Append("_sum ").Append(Num(sum)).Append('\n');
        sb.Append(histogram.Name).Append("_count ").Append(count).Append('\n');
    }

    private static void ProcessStats(StringBuilder sb)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime.TotalSeconds;
        sb.Append("# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.\n# TYPE process_cpu_seconds_total counter\n");
        sb.Append("process_cpu_seconds_total ").Append(Num(cpu)).Append('\n');
        Gauge(sb, "process_resident_memory_bytes", "Resident memory size in bytes.", process.WorkingSet64);
        Gauge(sb, "process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
            new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeSeconds());
        Gauge(sb, "dotnet_gc_heap_bytes", "Bytes in the managed heap.", GC.GetTotalMemory(false));
        Gauge(sb, "dotnet_threadpool_threads", "Thread pool threads.", ThreadPool.ThreadCount);
    }

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string label) => label.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
