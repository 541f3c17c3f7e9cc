using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;
using TiepCongDan.Hub.Alerts;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Alerts;

/// <summary>
/// End to end through the real hub as HubApp registers the alerts: a kiosk's camera reports a
/// frozen picture over MQTT (DBIRTH/DDATA, as the edge's DeviceMetricCatalog sends it), the
/// video-frozen alert opens, is acknowledged over the API, and closes when the picture moves.
/// </summary>
public sealed class AlertSparkplugTests
{
    [Fact]
    public async Task A_frozen_camera_reported_over_sparkplug_opens_an_alert_that_closes_when_it_moves()
    {
        await using var hub = await TestHub.StartAsync(
            "--Hub:Alerts:EvaluationIntervalSeconds=1",
            "--Hub:Alerts:Rules:video-frozen:ForSeconds=1",
            "--Hub:Alerts:Rules:video-frozen:ClearSeconds=1");
        await using var kiosk = await TestKiosk.ConnectAsync(hub, "14-04171");
        await kiosk.BirthAsync();
        await Eventually.True(() => hub.Registry.Get("14-04171")?.Online == true, "kiosk online after NBIRTH");

        await kiosk.PublishAsync(kiosk.Topic(SparkplugMessageType.DBIRTH, DeviceKinds.Camera), Camera(kiosk.NextSeq(), frozen: true));
        JsonElement alert = default;
        await Eventually.True(async () =>
        {
            var list = await hub.Http.GetFromJsonAsync<JsonElement[]>("/api/alerts?rule=video-frozen");
            alert = list!.FirstOrDefault();
            return list!.Length == 1;
        }, "the video-frozen alert to open", 30_000);
        Assert.Equal("14-04171", alert.GetProperty("kioskId").GetString());
        Assert.Equal("camera", alert.GetProperty("subject").GetString());

        var id = alert.GetProperty("id").GetInt64();
        using (var ack = await hub.Http.PostAsJsonAsync($"/api/alerts/{id}/ack", new { comment = "Đã nhờ cán bộ xã khởi động lại camera" }))
        {
            ack.EnsureSuccessStatusCode();
        }

        await kiosk.PublishAsync(kiosk.Topic(SparkplugMessageType.DDATA, DeviceKinds.Camera), Camera(kiosk.NextSeq(), frozen: false));
        await Eventually.True(async () =>
            (await hub.Http.GetFromJsonAsync<JsonElement>($"/api/alerts/{id}")).GetProperty("state").GetString() == AlertState.Closed,
            "the alert to close once the picture moves", 30_000);

        var metrics = await hub.Anonymous.GetStringAsync("/metrics");
        Assert.Contains("# TYPE tcd_hub_alerts_open gauge", metrics, StringComparison.Ordinal);
    }

    private static byte[] Camera(ulong seq, bool frozen)
    {
        var now = Payloads.Now;
        var payload = new Payload { Timestamp = now, Seq = seq };
        payload.Metrics.Add(MetricFactory.Create(DeviceMetrics.Status, 0, SparkplugValue.Of("present"), now));
        payload.Metrics.Add(MetricFactory.Create(DeviceMetrics.Reason, 0, SparkplugValue.Of(string.Empty), now));
        payload.Metrics.Add(MetricFactory.Create(MediaMetrics.Frozen, 0, SparkplugValue.Of(frozen), now));
        return payload.ToByteArray();
    }
}
