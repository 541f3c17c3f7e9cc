using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Sparkplug;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Sparkplug;

public sealed class ReportByException_Tests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Ndata_carries_only_metrics_that_moved_beyond_their_deadband_by_alias_with_the_sample_time()
    {
        var time = new FakeTimeProvider(Start);
        await using var broker = await TestBroker.StartAsync();
        await using var node = new NodeHarness(broker.Port, time: time, reportInterval: TimeSpan.FromMinutes(1));
        node.Start();
        await node.WaitOnlineAsync();
        await broker.WaitForAsync(m => m.Type == SparkplugMessageType.DBIRTH && m.Topic.DeviceId == DeviceKinds.ButtonPanel, "DBIRTHs");

        time.Advance(TimeSpan.FromSeconds(5));
        node.Sampler.Current = node.Sampler.Current with { CpuLoad = 0.28, DiskFreeBytes = 20_100_000_000, UptimeSeconds = 1005 };
        await node.Node.SampleAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(5));
        node.Sampler.Current = node.Sampler.Current with { CpuLoad = 0.40, CpuTemperatureCelsius = 51.2 };
        await node.Node.SampleAsync(CancellationToken.None);
        var sampledAt = (ulong)time.GetUtcNow().ToUnixTimeMilliseconds();

        var ndata = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NDATA, "NDATA");
        await Task.Delay(200);
        Assert.Single(broker.Of(SparkplugMessageType.NDATA));
        var metric = Assert.Single(ndata.Payload.Metrics);
        Assert.Equal(NodeMetricCatalog.Data.Single(d => d.Name == NodeMetrics.CpuLoad).Alias, metric.Alias);
        Assert.False(metric.HasName);
        Assert.Equal(0.40, metric.DoubleValue);
        Assert.Equal(sampledAt, metric.Timestamp);
        Assert.Equal(sampledAt, ndata.Payload.Timestamp);
        Assert.Equal(7UL, ndata.Payload.Seq);
    }

    [Fact]
    public async Task Disk_free_is_reported_when_it_moves_one_percent_of_the_disk_and_a_full_report_follows_the_report_interval()
    {
        var time = new FakeTimeProvider(Start);
        await using var broker = await TestBroker.StartAsync();
        await using var node = new NodeHarness(broker.Port, time: time, reportInterval: TimeSpan.FromMinutes(1));
        node.Start();
        await node.WaitOnlineAsync();

        time.Advance(TimeSpan.FromSeconds(5));
        node.Sampler.Current = node.Sampler.Current with { DiskFreeBytes = 20_000_000_000 - 400_000_000 }; // 1.25 % of 32 GB
        await node.Node.SampleAsync(CancellationToken.None);
        var diskChange = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NDATA, "disk NDATA");
        Assert.Equal(19_600_000_000UL, Assert.Single(diskChange.Payload.Metrics).LongValue);

        broker.Clear();
        time.Advance(TimeSpan.FromMinutes(1));
        await node.Node.SampleAsync(CancellationToken.None);
        var full = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NDATA, "full report");
        Assert.Equal(NodeMetricCatalog.Data.Select(d => d.Alias).Order(), full.Payload.Metrics.Select(m => m.Alias).Order());
    }

    [Fact]
    public async Task Seq_wraps_from_255_to_0()
    {
        var time = new FakeTimeProvider(Start);
        await using var broker = await TestBroker.StartAsync();
        await using var node = new NodeHarness(broker.Port, time: time);
        node.Start();
        await node.WaitOnlineAsync();

        for (var i = 0; i < 260; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            node.Sampler.Current = node.Sampler.Current with { CpuLoad = i % 2 == 0 ? 0.9 : 0.1 };
            await node.Node.SampleAsync(CancellationToken.None);
        }

        await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NDATA && m.Payload.Seq == 10 && broker.Of(SparkplugMessageType.NDATA).Count > 250, "wrapped NDATA");
        var seqs = broker.Of(SparkplugMessageType.NDATA).Select(m => m.Payload.Seq).ToList();
        var wrapAt = seqs.IndexOf(255);
        Assert.True(wrapAt >= 0, "seq 255 never seen");
        Assert.Equal(0UL, seqs[wrapAt + 1]);
        Assert.All(seqs, s => Assert.InRange(s, 0UL, 255UL));
    }

    [Fact]
    public void Deadband_rules_compare_numbers_absolutely_or_as_a_fraction_and_null_transitions_always_count()
    {
        var load = NodeMetricCatalog.Data.Single(d => d.Name == NodeMetrics.CpuLoad);
        var temp = NodeMetricCatalog.Data.Single(d => d.Name == NodeMetrics.CpuTemperature);
        var uptime = NodeMetricCatalog.Data.Single(d => d.Name == NodeMetrics.Uptime);
        var none = new Dictionary<string, SparkplugValue>();

        Assert.False(load.HasChanged(SparkplugValue.Of(0.30), SparkplugValue.Of(0.34), none));
        Assert.True(load.HasChanged(SparkplugValue.Of(0.30), SparkplugValue.Of(0.35), none));
        Assert.False(temp.HasChanged(SparkplugValue.Of(50.0), SparkplugValue.Of(50.4), none));
        Assert.True(temp.HasChanged(SparkplugValue.Null(SparkplugDataType.Double), SparkplugValue.Of(50.0), none));
        Assert.False(uptime.HasChanged(SparkplugValue.OfUInt64(1), SparkplugValue.OfUInt64(99999), none));
    }
}
