using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.Benchmarks;

/// <summary>One tcd-edge with its default sampling, connected to a hub and otherwise idle: what it costs a Raspberry Pi.</summary>
public static class EdgeIdleBenchmark
{
    private const string Kiosk = "14-04171";

    public static async Task<BenchReport> RunAsync(BenchArguments args, CancellationToken ct)
    {
        var seconds = args.Int("seconds", 60);
        var warmup = args.Int("warmup", 15);
        args.RejectUnknown();

        var report = new BenchReport("edge-idle");
        report.Parameters["seconds"] = seconds;
        report.Parameters["warmupSeconds"] = warmup;

        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        // Production defaults for sampling and keepalive: no test-speed overrides.
        await using var edge = new EdgeProcess(Kiosk, "127.0.0.1", hub.MqttPort, hub.Secret.PasswordFor(Kiosk), keepAliveSeconds: 30, sampleIntervalSeconds: 5, reportIntervalSeconds: null);
        edge.StartProcess();
        await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(60), "online", ct);
        Console.WriteLine($"edge online; warming up {warmup} s, then measuring {seconds} s");
        await Task.Delay(TimeSpan.FromSeconds(warmup), ct);

        var pid = edge.Process!.Pid;
        var before = ProcessStats.Read(pid);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
        var after = ProcessStats.Read(pid);
        var wall = clock.Elapsed;

        var device = await hub.GetDeviceAsync(Kiosk, ct);
        report.Add("tcd-edge", "cpu (of one core)", ProcessStats.CpuPercent(before, after, wall), "%");
        report.Add("tcd-edge", "cpu seconds", after.CpuSeconds - before.CpuSeconds, "s");
        report.Add("tcd-edge", "rss", after.RssBytes / 1048576.0, "MiB");
        report.Add("tcd-edge", "peak rss", after.PeakRssBytes / 1048576.0, "MiB");
        report.Add("tcd-edge", "still online", device is { Online: true } ? "yes" : "no");
        return report;
    }
}
