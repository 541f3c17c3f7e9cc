using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Sparkplug;

public sealed class Will_Tests
{
    [Fact]
    public async Task A_cut_link_makes_the_broker_publish_the_ndeath_will_with_the_births_bdSeq_and_the_next_birth_has_bdSeq_plus_one()
    {
        await using var broker = await TestBroker.StartAsync();
        using var relay = new TcpRelay(broker.Port);
        // A reconnect faster than the broker notices the dead socket is a session takeover, which
        // suppresses the Will (a known field problem); real kiosks wait at least a second.
        await using var node = new NodeHarness(relay.Port, reconnectMinDelay: TimeSpan.FromSeconds(1));
        node.Start();
        var first = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NBIRTH, "first NBIRTH");
        await broker.WaitForAsync(m => m.Type == SparkplugMessageType.DBIRTH && m.Topic.DeviceId == DeviceKinds.ButtonPanel, "DBIRTHs");
        var firstBdSeq = first.Metric(NodeMetrics.BdSeq).LongValue;

        relay.CutAll();

        var death = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NDEATH, "NDEATH will");
        Assert.Equal(firstBdSeq, death.Metric(NodeMetrics.BdSeq).LongValue);
        Assert.Equal(1, death.Qos);
        var second = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NBIRTH && m != first, "NBIRTH after reconnect");
        // Every connect attempt takes a new bdSeq, so it is at least one more (more if an attempt failed).
        Assert.True(second.Metric(NodeMetrics.BdSeq).LongValue > firstBdSeq);
        Assert.Equal(node.Node.BdSeq, second.Metric(NodeMetrics.BdSeq).LongValue);
        Assert.Equal(0UL, second.Payload.Seq);
    }

    [Fact]
    public async Task A_clean_stop_publishes_ndeath_itself_because_a_clean_disconnect_suppresses_the_will()
    {
        await using var broker = await TestBroker.StartAsync();
        var node = new NodeHarness(broker.Port);
        node.Start();
        var birth = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NBIRTH, "NBIRTH");

        await node.DisposeAsync();

        var death = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NDEATH, "NDEATH on shutdown");
        Assert.Equal(birth.Metric(NodeMetrics.BdSeq).LongValue, death.Metric(NodeMetrics.BdSeq).LongValue);
    }
}
