using System.Globalization;
using TiepCongDan.Hub.Bridge;
using TiepCongDan.Hub.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TiepCongDan.Hub.Tests.Bridge;

/// <summary>
/// BENCHMARK (~15 s, by hand with --filter Category=Benchmark): the time a message waits in the hub
/// between the ingest's callback and the send, for one 2 Mbit/s session pushed to two points.
/// Prints p50/p99 as histogram bucket bounds.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class AddedLatency_Benchmark(ITestOutputHelper output)
{
    [Fact]
    public async Task Added_latency_of_the_bridge_at_2_Mbps_to_two_points()
    {
        using var a = new TestPoint(BridgeHarness.PassphraseOf("a"));
        using var b = new TestPoint(BridgeHarness.PassphraseOf("b"));
        a.Start();
        b.Start();
        await using var harness = await BridgeHarness.StartAsync([BridgeHarness.CallerPoint("a", a, "*"), BridgeHarness.CallerPoint("b", b, "*")]);
        var session = BridgeHarness.NewSession();
        harness.Bus.Start(session, BridgeHarness.Kiosk, BridgeHarness.Province);
        await Eventually.True(() => harness.Service.Find(session)!.Outputs.All(o => o.State == OutputState.Connected), "both points connected", 15_000);

        // 2 Mbit/s = about 190 messages of 1316 bytes a second: 19 every 100 ms, 10 s.
        var number = 0;
        for (var tick = 0; tick < 100; tick++)
        {
            NumberedTs.Publish(harness.Bus, session, NumberedTs.Segment(session, tick, number, 19 * 7 - 1));
            number += (19 * 7) - 1;
            await Task.Delay(100);
        }

        await Eventually.True(() => a.Latest().Count(n => n >= 0) >= number && b.Latest().Count(n => n >= 0) >= number, "every packet at both points", 15_000);
        var (bounds, cumulative, sum, count) = harness.Service.AddedLatency.Snapshot();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"messages {count}, mean {sum / count * 1000:0.000} ms, p50 <= {Quantile(bounds, cumulative, count, 0.5) * 1000} ms, p99 <= {Quantile(bounds, cumulative, count, 0.99) * 1000} ms"));
        Assert.True(count >= 2L * number / 7);
    }

    private static double Quantile(double[] bounds, long[] cumulative, long count, double q)
    {
        for (var i = 0; i < bounds.Length; i++)
        {
            if (cumulative[i] >= q * count)
            {
                return bounds[i];
            }
        }

        return double.PositiveInfinity;
    }
}
