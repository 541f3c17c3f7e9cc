using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests;

public sealed class StaleDeathTests
{
    [Fact]
    public async Task A_death_with_an_old_bdSeq_is_ignored_and_the_matching_one_is_applied()
    {
        await using var hub = await TestHub.StartAsync();
        // The old session (bdSeq 4) dies late, after the new session (bdSeq 5) was born: a classic takeover race.
        await using var kiosk = await TestKiosk.ConnectAsync(hub, "14-04171", bdSeq: 5);
        await kiosk.BirthAsync();
        await Eventually.True(() => hub.Registry.Get("14-04171")?.BdSeq == 5, "birth with bdSeq 5");

        await kiosk.PublishAsync(kiosk.Topic(SparkplugMessageType.NDEATH), Payloads.NodeDeath(4));
        await Eventually.True(() => hub.Metrics.StaleDeaths.Total == 1, "stale death counted");
        Assert.True(hub.Registry.Get("14-04171")!.Online, string.Join('\n', hub.Logs.Lines));
        Assert.True(hub.Logs.Contains("stale death ignored for kiosk 14-04171"));

        await kiosk.DropWithWillAsync(hub); // the real Will carries bdSeq 5
        await Eventually.True(() => hub.Registry.Get("14-04171")?.Online == false, "offline after the matching NDEATH");
        Assert.Equal(1, hub.Metrics.StaleDeaths.Total);
    }

    [Fact]
    public async Task A_restarted_kiosk_with_bdSeq_plus_one_is_online_even_when_the_old_Will_arrives_after_its_birth()
    {
        await using var hub = await TestHub.StartAsync();
        var first = await TestKiosk.ConnectAsync(hub, "14-04172", bdSeq: 7);
        await first.BirthAsync();
        await Eventually.True(() => hub.Registry.Get("14-04172")?.Online == true, "first session online");

        await using var second = await TestKiosk.ConnectAsync(hub, "14-04172", bdSeq: 8); // takes over the client id
        await second.BirthAsync();
        await Eventually.True(() => hub.Registry.Get("14-04172")?.BdSeq == 8, "second session born");
        await second.PublishAsync(second.Topic(SparkplugMessageType.NDEATH), Payloads.NodeDeath(7)); // late old Will
        await Eventually.True(() => hub.Metrics.StaleDeaths.Total >= 1, "old death ignored");

        Assert.True(hub.Registry.Get("14-04172")!.Online);
        first.Client.Dispose();
    }
}
