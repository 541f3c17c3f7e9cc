using System.Diagnostics;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.Benchmarks;

/// <summary>
/// Time from SIGKILL of a kiosk process to "offline" in the hub's registry, over many kills:
/// start tcd-edge, wait online, SIGKILL, poll GET /api/devices/{id} every 50 ms.
/// </summary>
public static class KillBenchmark
{
    private const string Kiosk = "14-04171";

    public static async Task<BenchReport> RunAsync(BenchArguments args, CancellationToken ct)
    {
        var count = args.Int("count", 20);
        var keepAlive = args.Int("keepalive", 5);
        args.RejectUnknown();

        var report = new BenchReport("kill");
        report.Parameters["count"] = count;
        report.Parameters["keepaliveSeconds"] = keepAlive;
        var samples = new List<double>();

        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        await using var edge = new EdgeProcess(Kiosk, "127.0.0.1", hub.MqttPort, hub.Secret.PasswordFor(Kiosk), keepAlive);
        long? lastBdSeq = null;
        for (var i = 1; i <= count; i++)
        {
            edge.StartProcess();
            var online = await edge.WaitOnHubAsync(hub, d => d.Online && (lastBdSeq is null || d.BdSeq > lastBdSeq),
                TimeSpan.FromSeconds(60), "online with a new bdSeq", ct);
            lastBdSeq = online!.BdSeq;

            await edge.KillAsync();
            var clock = Stopwatch.StartNew();
            await Poll.UntilAsync(
                async c => await hub.GetDeviceAsync(Kiosk, c) is { Online: false },
                TimeSpan.FromSeconds(30 + (3 * keepAlive)), "offline after SIGKILL", hub.Describe, TimeSpan.FromMilliseconds(50), ct);
            samples.Add(clock.Elapsed.TotalSeconds);
            Console.WriteLine($"kill {i,2}/{count}: offline after {samples[^1]:0.000} s");
        }

        report.Add("SIGKILL to offline", "min", samples.Min(), "s");
        report.Add("SIGKILL to offline", "p50", Percentiles.Of(samples, 50), "s");
        report.Add("SIGKILL to offline", "p90", Percentiles.Of(samples, 90), "s");
        report.Add("SIGKILL to offline", "max", samples.Max(), "s");
        report.Add("SIGKILL to offline", "limit (1.5 x keepalive)", 1.5 * keepAlive, "s");
        report.Add("SIGKILL to offline", "over limit", samples.Count(s => s > 1.5 * keepAlive), "kills");
        return report;
    }
}
