using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;
using TiepCongDan.Edge.Sparkplug;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Sparkplug;

public sealed class NodeCommand_Tests
{
    private static Payload Command(string name, bool value = true, bool byAlias = false)
    {
        var payload = new Payload { Timestamp = 1 };
        var alias = NodeMetricCatalog.NodeControls.Single(c => c.Name == name).Alias;
        payload.Metrics.Add(MetricFactory.Create(byAlias ? string.Empty : name, byAlias ? alias : 0, SparkplugValue.Of(value), 1));
        return payload;
    }

    private static string NcmdTopic(string kioskId) => SparkplugTopic.Node(KioskId.ProvinceOf(kioskId), SparkplugMessageType.NCMD, kioskId);

    [Fact]
    public async Task Rebirth_resends_nbirth_and_dbirths_with_seq_0_and_the_same_bdSeq()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var node = new NodeHarness(broker.Port);
        node.Start();
        var first = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NBIRTH, "NBIRTH");
        await broker.WaitForAsync(m => m.Type == SparkplugMessageType.DBIRTH && m.Topic.DeviceId == DeviceKinds.ButtonPanel, "DBIRTHs");
        broker.Clear();

        await broker.PublishAsync(NcmdTopic("14-04171"), Command(NodeMetrics.Rebirth));

        var rebirth = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NBIRTH, "NBIRTH after rebirth");
        Assert.Equal(0UL, rebirth.Payload.Seq);
        Assert.Equal(first.Metric(NodeMetrics.BdSeq).LongValue, rebirth.Metric(NodeMetrics.BdSeq).LongValue);
        await broker.WaitForAsync(m => m.Type == SparkplugMessageType.DBIRTH && m.Topic.DeviceId == DeviceKinds.ButtonPanel, "DBIRTHs after rebirth");
        Assert.Equal(6, broker.Of(SparkplugMessageType.DBIRTH).Count);
    }

    [Fact]
    public async Task Reboot_and_restart_service_reach_node_control_also_when_written_by_alias()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var node = new NodeHarness(broker.Port);
        node.Start();
        await node.WaitOnlineAsync();

        await broker.PublishAsync(NcmdTopic("14-04171"), Command(NodeMetrics.Reboot));
        await broker.PublishAsync(NcmdTopic("14-04171"), Command(NodeMetrics.RestartService, byAlias: true));
        await broker.PublishAsync(NcmdTopic("14-04171"), Command(NodeMetrics.Reboot, value: false));

        await node.WaitUntilAsync(() => node.Control.Calls.Count >= 2, "two node control calls");
        await Task.Delay(200);
        Assert.Equal(["reboot", "restart"], node.Control.Calls.ToArray());
    }

    [Fact]
    public async Task Ping_and_unknown_metrics_are_handled_without_a_rebirth_or_a_control_call()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var node = new NodeHarness(broker.Port);
        node.Start();
        await node.WaitOnlineAsync();
        await broker.WaitForAsync(m => m.Type == SparkplugMessageType.DBIRTH && m.Topic.DeviceId == DeviceKinds.ButtonPanel, "DBIRTHs");
        broker.Clear();

        var unknown = new Payload { Timestamp = 1 };
        unknown.Metrics.Add(MetricFactory.Create("Node Control/Self Destruct", 0, SparkplugValue.Of(true), 1));
        await broker.PublishAsync(NcmdTopic("14-04171"), Command(NodeMetrics.Ping));
        await broker.PublishAsync(NcmdTopic("14-04171"), unknown);
        // Another kiosk's command must not reach us.
        await broker.PublishAsync(NcmdTopic("14-04172"), Command(NodeMetrics.Reboot));
        await Task.Delay(300);

        Assert.True(node.Node.IsOnline);
        Assert.Empty(broker.Of(SparkplugMessageType.NBIRTH));
        Assert.Empty(node.Control.Calls);
    }
}
