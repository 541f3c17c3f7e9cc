using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Store;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Sparkplug;

public sealed class OfflineStore_Tests
{
    [Fact]
    public async Task Data_sampled_while_the_broker_is_down_arrives_after_it_returns_as_historical_with_original_timestamps()
    {
        var dir = Directory.CreateTempSubdirectory("tcd-outbox-").FullName;
        using var store = new SqliteOutboxStore(Path.Combine(dir, "edge.db"), 100);
        await using var broker = await TestBroker.StartAsync();
        await using var node = new NodeHarness(broker.Port, outbox: store, bdSeq: store);
        node.Start();
        await node.WaitOnlineAsync();

        await broker.StopServerAsync();
        await node.WaitUntilAsync(() => !node.Node.IsOnline, "the node noticing the broker is gone");

        var sampledAt = new List<ulong>();
        foreach (var load in new[] { 0.5, 0.7, 0.9 })
        {
            node.Sampler.Current = node.Sampler.Current with { CpuLoad = load };
            sampledAt.Add((ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await node.Node.SampleAsync(CancellationToken.None);
            await Task.Delay(20);
        }

        await File.WriteAllTextAsync(node.ControlFile, """{"display":{"status":"faulty","reason":"Màn hình tắt"}}""");
        await node.Node.SampleAsync(CancellationToken.None);
        // The display's change must be in the outbox before the broker returns (otherwise the new
        // DBIRTH carries it and no historical DDATA is due): sample again until it is, at most 10 s.
        for (var i = 0; i < 100 && !store.Oldest(100).Any(r => r.DeviceId == "display"); i++)
        {
            await Task.Delay(100);
            await node.Node.SampleAsync(CancellationToken.None);
        }

        Assert.True(store.Pending >= 4, $"expected at least 4 stored records, got {store.Pending}");

        await broker.StartServerAsync();
        await broker.ConnectObserverAsync();

        await broker.WaitForAsync(m => m.Type == SparkplugMessageType.DDATA && m.Payload.Metrics.All(x => x.IsHistorical), "historical DDATA");
        var historical = broker.Of(SparkplugMessageType.NDATA).Where(m => m.Payload.Metrics.All(x => x.IsHistorical)).ToList();
        var loads = historical.SelectMany(m => m.Payload.Metrics).Where(m => m.Alias == 20).Select(m => m.DoubleValue).ToList();
        Assert.Equal([0.5, 0.7, 0.9], loads);
        var times = historical.SelectMany(m => m.Payload.Metrics).Where(m => m.Alias == 20).Select(m => m.Timestamp).ToList();
        Assert.Equal(times.Order(), times);
        Assert.True(times[0] >= sampledAt[0] - 1000 && times[0] <= sampledAt[0] + 1000, "metric timestamps must be the sample times");
        Assert.All(historical, m => Assert.True(m.Payload.Timestamp >= times[^1]));
        var birth = broker.Of(SparkplugMessageType.NBIRTH)[^1];
        Assert.True(birth.Metric(NodeMetrics.BdSeq).LongValue >= 1, "each connect attempt takes a new bdSeq");
        await node.WaitUntilAsync(() => store.Pending == 0, "the outbox to drain");
        Directory.Delete(dir, recursive: true);
    }
}
