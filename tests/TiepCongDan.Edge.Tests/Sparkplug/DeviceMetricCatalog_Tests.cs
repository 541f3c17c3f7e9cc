using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Devices;
using TiepCongDan.Edge.Sparkplug;

namespace TiepCongDan.Edge.Tests.Sparkplug;

public sealed class DeviceMetricCatalog_Tests
{
    [Fact]
    public void Every_alias_of_the_node_and_its_devices_is_unique_as_Sparkplug_requires()
    {
        var aliases = NodeMetricCatalog.Data.Select(d => d.Alias)
            .Concat(NodeMetricCatalog.NodeControls.Select(c => c.Alias))
            .Concat(DeviceKinds.All.SelectMany(k => DeviceMetricCatalog.For(k)).Select(d => d.Alias))
            .ToList();
        Assert.Equal(aliases.Count, aliases.Distinct().Count());
    }

    [Fact]
    public void The_camera_and_microphone_carry_media_health_and_other_devices_only_status()
    {
        var camera = DeviceMetricCatalog.For(DeviceKinds.Camera).Select(d => d.Name).ToList();
        Assert.Equal([DeviceMetrics.Status, DeviceMetrics.Reason], camera.Take(2));
        Assert.Contains(MediaMetrics.FramesOut, camera);
        Assert.Contains(MediaMetrics.Frozen, camera);
        Assert.Contains(MediaMetrics.AvDriftMs, camera);
        Assert.Contains(MediaMetrics.Silent, DeviceMetricCatalog.For(DeviceKinds.Microphone).Select(d => d.Name));
        Assert.Equal(2, DeviceMetricCatalog.For(DeviceKinds.Speaker).Count);
    }

    [Fact]
    public void A_port_without_a_session_reports_its_media_metrics_as_typed_nulls()
    {
        var values = DeviceMetricCatalog.Values(new IdlePort());
        Assert.Equal("present", values[DeviceMetrics.Status].Value);
        Assert.Null(values[MediaMetrics.EncoderKbps].Value);
        Assert.Equal(SparkplugDataType.Double, values[MediaMetrics.EncoderKbps].DataType);
        Assert.Equal(SparkplugDataType.Boolean, values[MediaMetrics.Frozen].DataType);
    }

    [Fact]
    public void Asking_for_a_metric_a_device_does_not_have_names_both()
    {
        var ex = Assert.Throws<ArgumentException>(() => DeviceMetricCatalog.Alias(DeviceKinds.Speaker, MediaMetrics.Frozen));
        Assert.Contains("speaker", ex.Message, StringComparison.Ordinal);
    }

    private sealed class IdlePort : IDevicePort
    {
        public string Kind => DeviceKinds.Camera;

        public DeviceReading Current => DeviceReading.Present;
    }
}
