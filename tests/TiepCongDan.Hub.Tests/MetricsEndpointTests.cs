using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_expose_kiosk_gauges_message_counters_latency_and_process_stats()
    {
        await using var hub = await TestHub.StartAsync();
        await using var kiosk = await TestKiosk.ConnectAsync(hub, "14-04171", bdSeq: 1);
        await kiosk.BirthAsync();
        await kiosk.CpuDataAsync(0.5);
        await kiosk.CpuDataAsync(0.6);
        await Eventually.True(() => hub.Metrics.IngestLatency.Count == 2, "two NDATA measured");

        // Loopback callers need no account (documented in hub/README.md).
        var text = await hub.Anonymous.GetStringAsync("/metrics");

        Assert.Contains("tcd_hub_kiosks_known 1", text);
        Assert.Contains("tcd_hub_kiosks_online 1", text);
        Assert.Contains("tcd_hub_messages_total{type=\"NBIRTH\"} 1", text);
        Assert.Contains("tcd_hub_messages_total{type=\"NDATA\"} 2", text);
        Assert.Contains("tcd_hub_ingest_latency_seconds_count 2", text);
        Assert.Contains("tcd_hub_ingest_latency_seconds_bucket{le=\"+Inf\"} 2", text);
        Assert.Contains("# TYPE tcd_hub_stale_deaths_total counter", text);
        Assert.Contains("# TYPE tcd_hub_rebirth_requests_total counter", text);
        Assert.Contains("# TYPE tcd_hub_refused_publishes_total counter", text);
        Assert.Contains("process_resident_memory_bytes ", text);
        Assert.Contains("process_cpu_seconds_total ", text);
    }
}
