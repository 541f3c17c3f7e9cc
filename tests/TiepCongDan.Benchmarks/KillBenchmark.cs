using System.Diagnostics;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.Benchmarks;

/// <summary>
/// Time from the death of a kiosk to "offline" in the hub's registry, over many deaths: start
/// tcd-edge, wait online, then SIGKILL (the kernel closes the socket, the broker knows at once) or
/// SIGSTOP (a hung kiosk or a cut link: the socket stays open, only the keepalive can tell), and
/// poll GET /api/devices/{id} every 50 ms. The clock starts just before the signal.
/// </summary>
public static class KillBenchmark
{
    private const string Kiosk = "14-04171";

    public static async Task<BenchReport> RunAsync(BenchArguments args, CancellationToken ct)
    {
        var count = args.Int("count", 20);
        var keepAlive = args.Int("keepalive", 5);
        var mode = args.Text("mode", "both");
        args.RejectUnknown();
        var modes = mode switch
        {
            "both" => new[] { "kill", "freeze" },
            "kill" or "freeze" => [mode],
            _ => throw new ArgumentException("--mode must be kill, freeze or both"),
        };

        var report = new BenchReport("kill");
        report.Parameters["count"] = count;
        report.Parameters["keepaliveSeconds"] = keepAlive;
        report.Parameters["limitSeconds"] = 1.5 * keepAlive;
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        await using var edge = new EdgeProcess(Kiosk, "127.0.0.1", hub.MqttPort, hub.Secret.PasswordFor(Kiosk), keepAlive);
        long? lastBdSeq = null;
        foreach (var how in modes)
        {
            var samples = new List<double>();
            for (var i = 1; i <= count; i++)
            {
                edge.StartProcess();
                var online = await edge.WaitOnHubAsync(hub, d => d.Online && (lastBdSeq is null || d.BdSeq > lastBdSeq),
                    TimeSpan.FromSeconds(60), "online with a new bdSeq", ct);
                lastBdSeq = online!.BdSeq;

                var clock = Stopwatch.StartNew();
                if (how == "kill")
                {
                    edge.Process!.Kill();
                }
                else
                {
                    edge.Process!.Freeze();
                }

                await Poll.UntilAsync(
                    async c => await hub.GetDeviceAsync(Kiosk, c) is { Online: false },
                    TimeSpan.FromSeconds(30 + (3 * keepAlive)), "offline", hub.Describe, TimeSpan.FromMilliseconds(50), ct);
                samples.Add(clock.Elapsed.TotalSeconds);
                await edge.KillAsync();
                Console.WriteLine($"{how} {i,2}/{count}: offline after {samples[^1]:0.000} s");
            }

            var section = how == "kill" ? "SIGKILL to offline" : "SIGSTOP (hung, socket open) to offline";
            report.Add(section, "min", samples.Min(), "s");
            report.Add(section, "p50", Percentiles.Of(samples, 50), "s");
            report.Add(section, "p90", Percentiles.Of(samples, 90), "s");
            report.Add(section, "max", samples.Max(), "s");
            report.Add(section, "over 1.5 x keepalive", samples.Count(x => x > 1.5 * keepAlive), $"of {count}");
        }

        return report;
    }
}
