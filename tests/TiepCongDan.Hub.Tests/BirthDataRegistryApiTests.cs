using System.Net;
using System.Text.Json;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Hub.Storage;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests;

public sealed class BirthDataRegistryApiTests
{
    [Fact]
    public async Task Birth_then_data_show_in_the_api_with_metrics_and_devices()
    {
        await using var hub = await TestHub.StartAsync("--Hub:Fleet:HistoryIntervalSeconds=1");
        await using var kiosk = await TestKiosk.ConnectAsync(hub, "14-04171", bdSeq: 3);

        await kiosk.BirthAsync(cpuLoad: 0.25);
        await Eventually.True(() => hub.Registry.Get("14-04171")?.Online == true, "kiosk online after NBIRTH");

        await kiosk.CpuDataAsync(0.75);
        await kiosk.PublishAsync(kiosk.Topic(SparkplugMessageType.DBIRTH, DeviceKinds.Camera),
            Payloads.DeviceStatus(kiosk.NextSeq(), DeviceStatus.Faulty, "không có khung hình"));
        await Eventually.True(() => hub.Registry.Get("14-04171")?.Devices.ContainsKey(DeviceKinds.Camera) == true, "camera status");

        using var list = JsonDocument.Parse(await hub.Http.GetStringAsync("/api/devices"));
        var item = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal("14-04171", item.GetProperty("deviceId").GetString());
        Assert.Equal("14", item.GetProperty("province").GetString());
        Assert.Equal("04171", item.GetProperty("commune").GetString());
        Assert.True(item.GetProperty("online").GetBoolean());
        Assert.Equal(3, item.GetProperty("bdSeq").GetInt64());
        Assert.EndsWith("Z", item.GetProperty("lastSeen").GetString());
        Assert.Equal(0.75, item.GetProperty("metrics").GetProperty(NodeMetrics.CpuLoad).GetDouble());
        Assert.Equal(48.5, item.GetProperty("metrics").GetProperty(NodeMetrics.CpuTemperature).GetDouble());
        Assert.True(item.GetProperty("metrics").GetProperty(NodeMetrics.ClockSynced).GetBoolean());
        var camera = item.GetProperty("devices").GetProperty(DeviceKinds.Camera);
        Assert.Equal("faulty", camera.GetProperty("status").GetString());
        Assert.Equal("không có khung hình", camera.GetProperty("reason").GetString());

        using var one = JsonDocument.Parse(await hub.Http.GetStringAsync("/api/devices/14-04171"));
        Assert.Equal("14-04171", one.RootElement.GetProperty("deviceId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Http.GetAsync("/api/devices/14-99999")).StatusCode);

        hub.Get<RegistryFlusher>().Tick();
        await Eventually.True(async () =>
        {
            hub.Get<RegistryFlusher>().Tick();
            using var history = JsonDocument.Parse(await hub.Http.GetStringAsync("/api/devices/14-04171/history"));
            return history.RootElement.GetArrayLength() > 0 && history.RootElement[0].GetProperty("cpuLoad").GetDouble() == 0.75;
        }, "a history sample with the latest CPU load");
    }

    [Fact]
    public async Task Historical_values_go_to_the_history_at_their_own_time_and_never_replace_the_current_value()
    {
        await using var hub = await TestHub.StartAsync();
        await using var kiosk = await TestKiosk.ConnectAsync(hub, "14-04175", bdSeq: 1);
        await kiosk.BirthAsync(cpuLoad: 0.2);
        await Eventually.True(() => hub.Registry.Get("14-04175")?.Online == true, "online");

        var measured = DateTimeOffset.UtcNow.AddHours(-1);
        var payload = new Contracts.Sparkplug.Protobuf.Payload { Timestamp = Payloads.Now, Seq = kiosk.NextSeq() };
        payload.Metrics.Add(MetricFactory.Create(string.Empty, Payloads.CpuLoadAlias, SparkplugValue.Of(0.95), (ulong)measured.ToUnixTimeMilliseconds(), historical: true));
        await kiosk.PublishAsync(kiosk.Topic(SparkplugMessageType.NDATA), Google.Protobuf.MessageExtensions.ToByteArray(payload));

        await Eventually.True(async () =>
        {
            hub.Get<RegistryFlusher>().Tick();
            var from = Uri.EscapeDataString(measured.AddMinutes(-1).ToString("O"));
            var to = Uri.EscapeDataString(measured.AddMinutes(1).ToString("O"));
            using var history = JsonDocument.Parse(await hub.Http.GetStringAsync($"/api/devices/14-04175/history?from={from}&to={to}"));
            return history.RootElement.GetArrayLength() == 1 && history.RootElement[0].GetProperty("cpuLoad").GetDouble() == 0.95;
        }, "the replayed value in the history an hour back");
        Assert.Equal(0.2, hub.Registry.Get("14-04175")!.Metrics[NodeMetrics.CpuLoad]);
        Assert.Equal(0, hub.Metrics.RebirthRequests.Total);
    }

    [Fact]
    public async Task Data_by_alias_before_any_birth_asks_for_a_rebirth_and_is_dropped()
    {
        await using var hub = await TestHub.StartAsync();
        await using var kiosk = await TestKiosk.ConnectAsync(hub, "14-04173");

        await kiosk.CpuDataAsync(0.5);

        await kiosk.WaitForCommandAsync(NodeMetrics.Rebirth);
        Assert.Equal(1, hub.Metrics.Dropped.Get("data-before-birth"));
        Assert.Equal(1, hub.Metrics.RebirthRequests.Get("data-before-birth"));
        Assert.False(hub.Registry.Get("14-04173")?.Online ?? false);
    }
}
