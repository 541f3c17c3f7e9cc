using System.Text.Json;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Sparkplug;

public sealed class PrimaryHost_Tests
{
    [Fact]
    public async Task With_a_primary_host_configured_the_node_births_only_after_its_state_is_online_and_dies_when_it_goes_offline()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var node = new NodeHarness(broker.Port, primaryHostId: "tcd-hub");
        node.Start();
        await node.WaitUntilAsync(() => node.Node.IsConnected, "the node connecting");
        await Task.Delay(300);
        Assert.Empty(broker.Of(SparkplugMessageType.NBIRTH));

        var online = JsonSerializer.SerializeToUtf8Bytes(new HostState(true, 1));
        await broker.PublishRawAsync(SparkplugTopic.StateTopic("tcd-hub"), online, retain: true);
        var birth = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NBIRTH, "NBIRTH after host online");

        var offline = JsonSerializer.SerializeToUtf8Bytes(new HostState(false, 2));
        await broker.PublishRawAsync(SparkplugTopic.StateTopic("tcd-hub"), offline, retain: true);
        var death = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NDEATH, "NDEATH after host offline");
        Assert.Equal(birth.Metric(NodeMetrics.BdSeq).LongValue, death.Metric(NodeMetrics.BdSeq).LongValue);
    }
}
