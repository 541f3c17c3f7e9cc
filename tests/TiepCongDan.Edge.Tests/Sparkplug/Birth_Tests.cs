using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Sparkplug;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Sparkplug;

public sealed class Birth_Tests
{
    [Fact]
    public async Task Nbirth_carries_bdSeq_every_metric_and_node_control_under_the_province_group()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var node = new NodeHarness(broker.Port, "14-04171");
        node.Start();

        var birth = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NBIRTH, "NBIRTH");

        Assert.Equal("14", birth.Topic.GroupId);
        Assert.Equal("14-04171", birth.Topic.EdgeNodeId);
        Assert.Equal(0UL, birth.Payload.Seq);
        Assert.Equal(0UL, birth.Metric(NodeMetrics.BdSeq).LongValue);
        foreach (var (name, alias) in NodeMetricCatalog.NodeControls)
        {
            var control = birth.Metric(name);
            Assert.Equal((uint)SparkplugDataType.Boolean, control.Datatype);
            Assert.Equal(alias, control.Alias);
            Assert.False(control.BooleanValue);
        }

        foreach (var def in NodeMetricCatalog.Data)
        {
            var metric = birth.Metric(def.Name);
            Assert.Equal(def.Alias, metric.Alias);
            Assert.Equal((uint)def.DataType, metric.Datatype);
        }

        Assert.Equal(0.25, birth.Metric(NodeMetrics.CpuLoad).DoubleValue);
        Assert.Equal(0x50005u, birth.Metric(NodeMetrics.Throttled).IntValue);
        Assert.Equal("14", birth.Metric(NodeMetrics.Province).StringValue);
        Assert.Equal("04171", birth.Metric(NodeMetrics.Commune).StringValue);
        Assert.Equal("9.9.9", birth.Metric(NodeMetrics.ServiceVersion).StringValue);
    }

    [Fact]
    public async Task Every_device_gets_a_dbirth_with_status_and_reason_and_seq_counts_up_from_the_nbirth()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var node = new NodeHarness(broker.Port);
        node.Start();
        await node.WaitOnlineAsync();
        await broker.WaitForAsync(m => m.Type == SparkplugMessageType.DBIRTH && m.Topic.DeviceId == DeviceKinds.ButtonPanel, "last DBIRTH");

        var births = broker.Of(SparkplugMessageType.DBIRTH);
        Assert.Equal(DeviceKinds.All.Order(), births.Select(b => b.Topic.DeviceId!).Order());
        foreach (var birth in births)
        {
            Assert.Equal("present", birth.Metric(DeviceMetrics.Status).StringValue);
            Assert.Equal(string.Empty, birth.Metric(DeviceMetrics.Reason).StringValue);
            Assert.Equal(NodeMetricCatalog.DeviceAlias(birth.Topic.DeviceId!, DeviceMetrics.Status), birth.Metric(DeviceMetrics.Status).Alias);
        }

        Assert.Equal(Enumerable.Range(1, 6).Select(i => (ulong)i), births.Select(b => b.Payload.Seq).Order());
    }

    [Fact]
    public async Task Client_id_and_user_name_are_the_kiosk_id()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var node = new NodeHarness(broker.Port, "01-00123-02");
        node.Start();
        var birth = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NBIRTH, "NBIRTH");

        Assert.Equal("01", birth.Topic.GroupId);
        Assert.Equal("01-00123-02", node.Settings.MqttUsername);
        Assert.Equal("01-00123-02", birth.Topic.EdgeNodeId);
    }
}
