using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests;

public sealed class SequenceGapTests
{
    [Fact]
    public async Task A_seq_gap_requests_a_rebirth_and_the_new_birth_recovers()
    {
        await using var hub = await TestHub.StartAsync();
        await using var kiosk = await TestKiosk.ConnectAsync(hub, "14-04171", bdSeq: 1);
        await kiosk.BirthAsync();
        await kiosk.CpuDataAsync(0.1);
        await Eventually.True(() => hub.Registry.Get("14-04171")?.Metrics[NodeMetrics.CpuLoad] is 0.1, "first data");
        Assert.Equal(0, kiosk.CommandCount(NodeMetrics.Rebirth));

        kiosk.SkipSeq(2); // two NDATA lost
        await kiosk.CpuDataAsync(0.2);
        await kiosk.WaitForCommandAsync(NodeMetrics.Rebirth);
        Assert.Equal(1, hub.Metrics.RebirthRequests.Get("seq-gap"));

        // The kiosk answers as an edge node must: a fresh NBIRTH (seq 0), then data in order.
        await kiosk.BirthAsync(cpuLoad: 0.3);
        await kiosk.CpuDataAsync(0.4);
        await kiosk.CpuDataAsync(0.5);
        await Eventually.True(() => hub.Registry.Get("14-04171")?.Metrics[NodeMetrics.CpuLoad] is 0.5, "data after the rebirth");
        Assert.Equal(1, hub.Metrics.RebirthRequests.Total);
        Assert.True(hub.Registry.Get("14-04171")!.Online);
    }

    [Fact]
    public async Task An_unknown_alias_requests_a_rebirth()
    {
        await using var hub = await TestHub.StartAsync();
        await using var kiosk = await TestKiosk.ConnectAsync(hub, "14-04174", bdSeq: 1);
        await kiosk.BirthAsync();
        await kiosk.PublishAsync(kiosk.Topic(SparkplugMessageType.NDATA), Payloads.CpuData(kiosk.NextSeq(), 0.9, alias: 999));

        await kiosk.WaitForCommandAsync(NodeMetrics.Rebirth);
        Assert.Equal(1, hub.Metrics.RebirthRequests.Get("unknown-alias"));
    }
}
