using System.Buffers;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Hub.Sparkplug;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests;

public sealed class GarbageAndOversizeTests
{
    [Fact]
    public async Task Garbage_oversized_and_unknown_topics_are_counted_and_dropped_without_harming_other_kiosks()
    {
        await using var hub = await TestHub.StartAsync("--Hub:Mqtt:Embedded:MaxPayloadBytes=4096");
        await using var good = await TestKiosk.ConnectAsync(hub, "14-04172", bdSeq: 1);
        await good.BirthAsync();
        await using var bad = await TestKiosk.ConnectAsync(hub, "14-04171", bdSeq: 1);
        await bad.BirthAsync();
        await Eventually.True(() => hub.Registry.OnlineCount == 2, "both kiosks online");

        // Not protobuf at all: an invalid wire type.
        await bad.PublishAsync(bad.Topic(SparkplugMessageType.NDATA), [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]);
        await Eventually.True(() => hub.Metrics.Dropped.Get(DropReasons.BadPayload) == 1, "garbage counted");

        var oversized = await bad.PublishAsync(bad.Topic(SparkplugMessageType.NDATA), new byte[5000]);
        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.NotAuthorized, oversized.ReasonCode);
        Assert.Equal(1, hub.Metrics.RefusedPublishes.Get("oversized"));

        var unknownType = await bad.PublishAsync("spBv1.0/14/NFOO/14-04171", [1, 2, 3]);
        var notSparkplug = await bad.PublishAsync("kiosks/14-04171/status", [1, 2, 3]);
        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.NotAuthorized, unknownType.ReasonCode);
        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.NotAuthorized, notSparkplug.ReasonCode);
        Assert.Equal(2, hub.Metrics.RefusedPublishes.Get("not-sparkplug"));

        await good.CpuDataAsync(0.6);
        await Eventually.True(() => hub.Registry.Get("14-04172")?.Metrics[NodeMetrics.CpuLoad] is 0.6, "the good kiosk still flows");
        Assert.True(hub.Registry.Get("14-04171")!.Online);

        var metrics = await hub.Http.GetStringAsync("/metrics");
        Assert.Contains("tcd_hub_dropped_total{reason=\"bad-payload\"} 1", metrics);
        Assert.Contains("tcd_hub_refused_publishes_total{reason=\"oversized\"} 1", metrics);
    }

    [Fact]
    public async Task The_primary_host_drops_what_an_external_broker_would_let_through()
    {
        // In External mode Mosquitto's ACL cannot check everything: the ingest must be safe on its own.
        await using var hub = await TestHub.StartAsync();
        var ingest = hub.Get<SparkplugIngest>();

        ingest.Handle("spBv1.0/14/BOGUS/14-04171", new ReadOnlySequence<byte>([1]));
        ingest.Handle("something/else", new ReadOnlySequence<byte>([1]));
        ingest.Handle("spBv1.0/15/NBIRTH/14-04171", new ReadOnlySequence<byte>(Payloads.NodeBirth("14-04171", 1)));
        ingest.Handle("spBv1.0/14/NBIRTH/14-04171", new ReadOnlySequence<byte>([0x0A, 0xFF, 0xFF]));
        ingest.Handle("spBv1.0/14/NBIRTH/14-04171", new ReadOnlySequence<byte>(new byte[70_000]));

        Assert.Equal(2, hub.Metrics.Dropped.Get(DropReasons.BadTopic));
        Assert.Equal(1, hub.Metrics.Dropped.Get(DropReasons.BadNodeId));
        Assert.Equal(1, hub.Metrics.Dropped.Get(DropReasons.BadPayload));
        Assert.Equal(1, hub.Metrics.Dropped.Get(DropReasons.Oversized));
        Assert.Null(hub.Registry.Get("14-04171"));
    }
}
