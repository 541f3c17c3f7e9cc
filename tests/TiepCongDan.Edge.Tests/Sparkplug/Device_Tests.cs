using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Sparkplug;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Sparkplug;

public sealed class Device_Tests
{
    [Fact]
    public async Task A_device_made_faulty_through_the_control_file_is_published_as_ddata_with_status_and_reason()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var node = new NodeHarness(broker.Port);
        node.Start();
        await node.WaitOnlineAsync();
        await broker.WaitForAsync(m => m.Type == SparkplugMessageType.DBIRTH && m.Topic.DeviceId == DeviceKinds.ButtonPanel, "DBIRTHs");

        await File.WriteAllTextAsync(node.ControlFile, """{"camera":{"status":"faulty","reason":"Không nhận được khung hình"}}""");
        await node.Node.SampleAsync(CancellationToken.None);

        var ddata = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.DDATA, "DDATA");
        Assert.Equal(DeviceKinds.Camera, ddata.Topic.DeviceId);
        Assert.Equal("faulty", ddata.MetricByAlias(NodeMetricCatalog.DeviceAlias(DeviceKinds.Camera, DeviceMetrics.Status)).StringValue);
        Assert.Equal("Không nhận được khung hình", ddata.MetricByAlias(NodeMetricCatalog.DeviceAlias(DeviceKinds.Camera, DeviceMetrics.Reason)).StringValue);
        Assert.All(ddata.Payload.Metrics, m => Assert.True(m.Timestamp > 0));
    }

    [Fact]
    public async Task A_detached_device_gets_ddeath_and_a_malformed_control_file_keeps_the_last_state()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var node = new NodeHarness(broker.Port);
        node.Start();
        await node.WaitOnlineAsync();
        await broker.WaitForAsync(m => m.Type == SparkplugMessageType.DBIRTH && m.Topic.DeviceId == DeviceKinds.ButtonPanel, "DBIRTHs");

        await File.WriteAllTextAsync(node.ControlFile, """{"card-reader":{"detached":true},"speaker":{"status":"absent","reason":"Không thấy loa"}}""");
        await node.Node.SampleAsync(CancellationToken.None);
        var death = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.DDEATH, "DDEATH");
        Assert.Equal(DeviceKinds.CardReader, death.Topic.DeviceId);

        await File.WriteAllTextAsync(node.ControlFile, """{"speaker": {"status": """);
        await node.Node.SampleAsync(CancellationToken.None);
        await Task.Delay(200);

        Assert.Equal("absent", node.Devices.Port(DeviceKinds.Speaker).Current.Status.ToWire());
        Assert.DoesNotContain(node.Devices.Attached, p => p.Kind == DeviceKinds.CardReader);
        Assert.Single(broker.Of(SparkplugMessageType.DDATA));

        File.Delete(node.ControlFile);
        await node.Node.SampleAsync(CancellationToken.None);
        var reborn = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.DBIRTH && m.Topic.DeviceId == DeviceKinds.CardReader && m.Payload.Seq > 6, "DBIRTH of the re-attached card reader");
        Assert.Equal("present", reborn.Metric(DeviceMetrics.Status).StringValue);
    }
}
