using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Registry;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Tests;

/// <summary>The kiosk page's loss and bitrate charts come from the stored history, live and replayed, like temperature and RTT.</summary>
public sealed class HistoryUplinkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-history-uplink-").FullName;

    [Fact]
    public void The_uplinks_bitrate_and_loss_are_kept_in_the_history_sampled_and_replayed()
    {
        using var database = new HubDatabase(_dir);
        var store = new RegistryStore(database);
        var now = DateTimeOffset.UtcNow;
        var streaming = new KioskSnapshot("14-04171", "14", "04171", true, now, 1,
            new Dictionary<string, object?> { [NodeMetrics.CpuLoad] = 0.4, [MediaMetrics.UplinkKbps] = 1450L, [MediaMetrics.UplinkLossPercent] = 2.5 },
            new Dictionary<string, DeviceState>());
        var idle = streaming with { DeviceId = "14-04172", Metrics = new Dictionary<string, object?> { [NodeMetrics.CpuLoad] = 0.1 } };

        store.AppendHistory([streaming, idle], now);
        store.AppendHistorical([
            new HistoricalSample("14-04171", now.AddMinutes(-30).ToUnixTimeMilliseconds(), MediaMetrics.UplinkKbps, 900),
            new HistoricalSample("14-04171", now.AddMinutes(-30).ToUnixTimeMilliseconds(), MediaMetrics.UplinkLossPercent, 12.0),
        ]);

        var history = store.History("14-04171", now.AddHours(-1), now.AddMinutes(1));
        Assert.Equal([(900.0, 12.0), (1450.0, 2.5)], history.Select(h => (h.UplinkKbps!.Value, h.UplinkLossPercent!.Value)));
        var quiet = Assert.Single(store.History("14-04172", now.AddHours(-1), now.AddMinutes(1)));
        Assert.Null(quiet.UplinkKbps); // no session, no uplink: a gap in the chart, not a zero
        Assert.True(RegistryStore.IsHistoryMetric(MediaMetrics.UplinkLossPercent));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
