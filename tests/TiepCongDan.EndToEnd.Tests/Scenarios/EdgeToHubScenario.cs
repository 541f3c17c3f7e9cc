using System.Net;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.Scenarios;

/// <summary>
/// Birth, data and a command round trip between one running tcd-edge and tcd-hub. Shared by the
/// embedded-broker and the Mosquitto tests so both brokers are held to exactly the same checks.
/// </summary>
public static class EdgeToHubScenario
{
    public static async Task RunAsync(HubProcess hub, EdgeProcess edge, Func<string> diagnostics, CancellationToken ct)
    {
        // Birth: the kiosk appears online with its birth metrics and a bdSeq.
        var born = await edge.WaitOnHubAsync(hub,
            d => d.Online && d.BdSeq is not null && d.HasMetric(NodeMetrics.Uptime) && d.HasMetric(NodeMetrics.ServiceVersion),
            TimeSpan.FromSeconds(45), "online after NBIRTH with metrics", ct);
        Assert.NotNull(born);
        Assert.Equal(KioskId.ProvinceOf(edge.KioskId), born.Province);
        Assert.True(born.MetricCount >= 8, $"expected the birth's metrics, got {born}");
        var list = await hub.GetDevicesAsync(ct);
        Assert.Contains(list, d => d.DeviceId == edge.KioskId && d.Online);

        // Data: uptime changes every second and the edge samples every second, so NDATA keeps lastSeen moving.
        var firstSeen = born.LastSeen;
        var firstUptime = born.MetricText(NodeMetrics.Uptime);
        var updated = await hub.WaitForDeviceAsync(edge.KioskId,
            d => d.LastSeen > firstSeen && d.MetricText(NodeMetrics.Uptime) != firstUptime,
            TimeSpan.FromSeconds(20), "NDATA to move lastSeen and System/Uptime", diagnostics, ct);
        Assert.True(updated!.Online);
        Assert.Equal(born.BdSeq, updated.BdSeq);

        // Command round trip: Rebirth makes the same session (same bdSeq) publish a new NBIRTH.
        var before = await hub.GetMetricsAsync(ct);
        var birthsBefore = before.Sum("tcd_hub_messages_total", l => l.GetValueOrDefault("type") == "NBIRTH");
        using (var response = await hub.SendCommandAsync(edge.KioskId, "rebirth", ct))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Poll.UntilAsync(
            async c => (await hub.GetMetricsAsync(c)).Sum("tcd_hub_messages_total", l => l.GetValueOrDefault("type") == "NBIRTH") > birthsBefore,
            TimeSpan.FromSeconds(20), "a new NBIRTH after the rebirth command", diagnostics, cancellationToken: ct);
        var reborn = await hub.GetDeviceAsync(edge.KioskId, ct);
        Assert.NotNull(reborn);
        Assert.True(reborn.Online, $"online after rebirth: {reborn}");
        Assert.Equal(born.BdSeq, reborn.BdSeq);

        // Ping: accepted and sent to the kiosk (a no-op there).
        var pingsBefore = (await hub.GetMetricsAsync(ct)).Sum("tcd_hub_commands_total", l => l.GetValueOrDefault("command") == "ping");
        using (var response = await hub.SendCommandAsync(edge.KioskId, "ping", ct))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var pingsAfter = (await hub.GetMetricsAsync(ct)).Sum("tcd_hub_commands_total", l => l.GetValueOrDefault("command") == "ping");
        Assert.True(pingsAfter > pingsBefore, $"tcd_hub_commands_total{{command=\"ping\"}} went from {pingsBefore} to {pingsAfter}");

        // An unknown command is refused, an unknown kiosk is not found.
        using (var response = await hub.SendCommandAsync(edge.KioskId, "format-disk", ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Null(await hub.GetDeviceAsync("99-99999", ct));
        Assert.False(edge.Process!.HasExited, edge.Describe());
    }
}
