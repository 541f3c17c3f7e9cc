using System.Text.Json;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests;

public sealed class PersistenceTests
{
    [Fact]
    public async Task The_registry_survives_a_restart_but_every_kiosk_comes_back_offline_until_its_birth()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tcd-hub-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var hub = await TestHub.StartInAsync(dir))
            {
                await using var kiosk = await TestKiosk.ConnectAsync(hub, "14-04171", bdSeq: 9);
                await kiosk.BirthAsync(cpuLoad: 0.42);
                await Eventually.True(() => hub.Registry.Get("14-04171")?.Online == true, "online before restart");
                await hub.StopAsync(); // the final flush writes the registry; the kiosk is never told
            }

            await using var restarted = await TestHub.StartInAsync(dir);
            var kioskAfter = restarted.Registry.Get("14-04171");
            Assert.NotNull(kioskAfter);
            Assert.False(kioskAfter.Online);
            Assert.Equal(9, kioskAfter.BdSeq);
            Assert.Equal(0.42, Convert.ToDouble(kioskAfter.Metrics[NodeMetrics.CpuLoad], System.Globalization.CultureInfo.InvariantCulture));

            using var json = JsonDocument.Parse(await restarted.Http.GetStringAsync("/api/devices/14-04171"));
            Assert.False(json.RootElement.GetProperty("online").GetBoolean());
            Assert.Equal("04171", json.RootElement.GetProperty("commune").GetString());

            // The same admin password still works: accounts are in the same database.
            Assert.Equal(System.Net.HttpStatusCode.OK, (await restarted.Http.GetAsync("/api/devices")).StatusCode);

            // Data from a kiosk the restarted hub has not seen born asks for a birth instead of being trusted.
            await using var again = await TestKiosk.ConnectAsync(restarted, "14-04171", bdSeq: 10);
            await again.CpuDataAsync(0.5);
            await again.WaitForCommandAsync(NodeMetrics.Rebirth);
            await again.BirthAsync();
            await Eventually.True(() => restarted.Registry.Get("14-04171")?.Online == true, "online after the new birth");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
