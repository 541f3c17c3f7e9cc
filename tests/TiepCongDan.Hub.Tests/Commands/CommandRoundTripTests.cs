using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Commands;

public sealed class CommandRoundTripTests
{
    [Fact]
    public async Task Posted_commands_reach_the_kiosk_as_NCMD_and_bad_ones_are_refused()
    {
        await using var hub = await TestHub.StartAsync();
        await using var kiosk = await TestKiosk.ConnectAsync(hub, "14-04171");
        await kiosk.BirthAsync();
        await Eventually.True(() => hub.Registry.Get("14-04171")?.Online == true, "kiosk online");

        foreach (var (command, metric) in new[]
                 {
                     ("reboot", NodeMetrics.Reboot), ("restart-service", NodeMetrics.RestartService),
                     ("ping", NodeMetrics.Ping), ("rebirth", NodeMetrics.Rebirth),
                 })
        {
            var response = await hub.Http.PostAsJsonAsync("/api/devices/14-04171/commands", new { command, confirm = true });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("spBv1.0/14/NCMD/14-04171", body.RootElement.GetProperty("topic").GetString());
            Assert.Equal(metric, body.RootElement.GetProperty("metric").GetString());
            Assert.Equal("sent", body.RootElement.GetProperty("state").GetString());
            var ncmd = await kiosk.WaitForCommandAsync(metric);
            // The NCMD carries the command's id next to the Boolean, for the kiosk's answer.
            var id = Contracts.Sparkplug.Protobuf.Payload.Parser.ParseFrom(kiosk.Received.Last(m => Payloads.WritesTrue(m.Payload, metric)).Payload)
                .Metrics.Single(m => m.Name == NodeMetrics.CommandId).StringValue;
            Assert.Equal(body.RootElement.GetProperty("id").GetString(), id);
            Assert.NotEmpty(ncmd);
        }

        var unknown = await hub.Http.PostAsJsonAsync("/api/devices/14-04171/commands", new { command = "format-disk" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var allowed = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("allowed");
        Assert.Contains("restart-service", allowed.EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("camera-still", allowed.EnumerateArray().Select(a => a.GetString()));

        Assert.Equal(HttpStatusCode.NotFound, (await hub.Http.PostAsJsonAsync("/api/devices/14-99999/commands", new { command = "ping" })).StatusCode);

        await kiosk.DropWithWillAsync(hub);
        await Eventually.True(() => hub.Registry.Get("14-04171")?.Online == false, "kiosk offline after its Will");
        Assert.Equal(HttpStatusCode.Conflict, (await hub.Http.PostAsJsonAsync("/api/devices/14-04171/commands", new { command = "ping" })).StatusCode);
    }
}
