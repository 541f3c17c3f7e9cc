using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.Benchmarks.OperatorConsole;

/// <summary>
/// The fleet overview with N simulated kiosks (tcd-fleet-sim, as the fleet bench runs it: one NDATA
/// per kiosk per interval) in Debian's headless Chromium driven over DevTools. Reports the time
/// from navigation to the page's "tcd-fleet-first-render" mark (counts and province rows painted),
/// over several loads; then the CPU of Chromium's whole process tree while live updates flow, for
/// the overview (provinces collapsed, then all expanded) against the same browser idle on
/// about:blank, as a ratio; and the hub's CPU in each window (the event stream costs it too).
/// </summary>
public static class ConsoleBenchmark
{
    private const int OpenFiles = 65536;

    public static async Task<BenchReport> RunAsync(BenchArguments args, CancellationToken ct)
    {
        var kiosks = args.Int("kiosks", 5000);
        var seconds = args.Int("seconds", 60);
        var interval = args.Int("interval", 10);
        var loads = args.Int("loads", 3);
        var ramp = args.Int("ramp", 200);
        var provinces = args.Text("provinces", "14,11,01,79,48");
        args.RejectUnknown();

        var report = new BenchReport("console");
        report.Parameters["kiosks"] = kiosks;
        report.Parameters["seconds"] = seconds;
        report.Parameters["intervalSeconds"] = interval;
        report.Parameters["loads"] = loads;
        report.Parameters["provinces"] = provinces;

        await using var hub = await HubProcess.StartAsync(new HubStartOptions { OpenFilesLimit = OpenFiles }, ct);
        var safetyStop = (kiosks / ramp) + (4 * seconds) + (loads * 120) + 600;
        await using var simulator = ChildProcess.Start("tcd-fleet-sim", "/bin/bash",
        [
            "-c", ChildProcess.RaiseOpenFilesThenExec(OpenFiles), ChildProcess.DotnetHost, BuiltPrograms.FleetSimulator,
            "--kiosks", Invariant(kiosks), "--host", "127.0.0.1", "--port", Invariant(hub.MqttPort),
            "--fleet-secret-file", hub.Secret.FilePath, "--interval-seconds", Invariant(interval),
            "--ramp-per-second", Invariant(ramp), "--provinces", provinces, "--duration-seconds", Invariant(safetyStop),
        ]);
        var connect = Stopwatch.StartNew();
        var online = await Poll.UntilAsync(
            async c => (await hub.GetMetricsAsync(c)).Sum("tcd_hub_kiosks_online"),
            n => n >= kiosks || simulator.HasExited, TimeSpan.FromSeconds(60 + (2 * (kiosks / ramp))), $"{kiosks} kiosks online",
            simulator.Describe, TimeSpan.FromSeconds(2), ct);
        Console.WriteLine($"console: {online:0}/{kiosks} kiosks online after {connect.Elapsed.TotalSeconds:0} s");
        report.Add("setup", "kiosks online", online, "kiosks");
        // One interval so the birth burst is over and every kiosk is on its NDATA rhythm.
        await Task.Delay(TimeSpan.FromSeconds(interval + 2), ct);

        await using var chromium = await DebuggableChromium.LaunchAsync(ct);
        await using var page = await DevToolsPage.ConnectAsync(chromium.Port, ct);
        await page.SendAsync("Network.enable", null, ct);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{HubProcess.AdminUser}:{hub.AdminPassword}"));
        await page.SendAsync("Network.setExtraHTTPHeaders", new { headers = new Dictionary<string, string> { ["Authorization"] = "Basic " + basic } }, ct);
        var overview = hub.BaseAddress.ToString();

        var renders = new List<double>();
        var snapshots = new List<double>();
        var renderAfterSnapshot = new List<double>();
        for (var i = 0; i < loads; i++)
        {
            await page.SendAsync("Page.navigate", new { url = "about:blank" }, ct);
            await Task.Delay(500, ct);
            await page.SendAsync("Page.navigate", new { url = overview }, ct);
            var marks = await Poll.UntilAsync(
                async c => await page.EvaluateAsync(
                    "(() => { const r = performance.getEntriesByName('tcd-fleet-first-render')[0]; const s = performance.getEntriesByName('tcd-fleet-snapshot')[0];" +
                    " return r ? { render: r.startTime, snapshot: s ? s.startTime : null } : null; })()", c),
                m => m is not null, TimeSpan.FromSeconds(120), "the overview's first meaningful render", cancellationToken: ct);
            renders.Add((double)marks!["render"]!);
            snapshots.Add(marks["snapshot"] is { } s ? (double)s : double.NaN);
            renderAfterSnapshot.Add(renders[^1] - snapshots[^1]);
            Console.WriteLine($"console: load {i + 1}: snapshot event at {snapshots[^1]:0} ms, first meaningful render at {renders[^1]:0} ms");
        }

        renders.Sort();
        const string Render = "first meaningful render (navigation -> counts and province rows painted)";
        report.Add(Render, "min", renders[0], "ms");
        report.Add(Render, "median", renders[renders.Count / 2], "ms");
        report.Add(Render, "max", renders[^1], "ms");
        report.Add(Render, "snapshot event (median)", snapshots.Order().ElementAt(snapshots.Count / 2), "ms");
        // What the page itself spends: parsing the 5,000-kiosk snapshot, counting, drawing the provinces.
        report.Add(Render, "page work after the snapshot (median)", renderAfterSnapshot.Order().ElementAt(renderAfterSnapshot.Count / 2), "ms");
        report.Add(Render, "machine load average (1 min) meanwhile", LoadAverage.OneMinute(), "");
        report.Add("page", "rows drawn (provinces collapsed)", (await page.EvaluateAsync("document.querySelectorAll('tr[data-kiosk-id]').length", ct))!.GetValue<double>(), "rows");

        var collapsed = await MeasureAsync("overview, provinces collapsed", page, chromium, hub, seconds, ct);
        await page.EvaluateAsync("document.getElementById('expand-all').click()", ct);
        await Task.Delay(3000, ct);
        report.Add("page", "rows drawn (all expanded, 500 per province at most)", (await page.EvaluateAsync("document.querySelectorAll('tr[data-kiosk-id]').length", ct))!.GetValue<double>(), "rows");
        var expanded = await MeasureAsync("overview, all provinces expanded", page, chromium, hub, seconds, ct);
        await page.SendAsync("Page.navigate", new { url = "about:blank" }, ct);
        await Task.Delay(5000, ct);
        var idle = await MeasureAsync("baseline: same browser on about:blank", page, chromium, hub, seconds, ct);

        foreach (var (name, w) in new[] { ("overview, provinces collapsed", collapsed), ("overview, all expanded", expanded), ("baseline about:blank", idle) })
        {
            report.Add(name, "chromium tree cpu (of one core)", w.BrowserCpuPercent, "%");
            report.Add(name, "chromium processes", w.Processes, "");
            report.Add(name, "tcd-hub cpu (of one core)", w.HubCpuPercent, "%");
            report.Add(name, "machine load average (1 min) at the end", w.LoadAverage, "");
            if (w.Events is not null)
            {
                report.Add(name, "kiosk events received by the page", w.Events.Value, "events/s");
                report.Add(name, "animation-frame flushes", w.Flushes!.Value, "flushes/s");
                report.Add(name, "js heap used", w.HeapMiB!.Value, "MiB");
            }
        }

        report.Add("ratio", "overview collapsed / baseline (chromium cpu)", collapsed.BrowserCpuPercent / Math.Max(0.01, idle.BrowserCpuPercent), "x");
        report.Add("ratio", "overview expanded / baseline (chromium cpu)", expanded.BrowserCpuPercent / Math.Max(0.01, idle.BrowserCpuPercent), "x");
        report.Add("ratio", "overview collapsed - baseline (chromium cpu)", collapsed.BrowserCpuPercent - idle.BrowserCpuPercent, "% of one core");
        await simulator.StopAsync(TimeSpan.FromSeconds(15));
        await hub.StopAsync();
        return report;
    }

    private sealed record Window(double BrowserCpuPercent, int Processes, double HubCpuPercent, double LoadAverage, double? Events, double? Flushes, double? HeapMiB);

    private static async Task<Window> MeasureAsync(string name, DevToolsPage page, DebuggableChromium chromium, HubProcess hub, int seconds, CancellationToken ct)
    {
        Console.WriteLine($"console: measuring {name} for {seconds} s");
        const string Stats = "window.__tcdFleetStats ? { events: __tcdFleetStats.events, flushes: __tcdFleetStats.flushes, heap: performance.memory ? performance.memory.usedJSHeapSize : 0 } : null";
        var stats0 = await page.EvaluateAsync(Stats, ct);
        var browser0 = BrowserTreeCpu.Read(chromium.Process.Pid);
        var hub0 = ProcessStats.Read(hub.Process!.Pid);
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
        var browser1 = BrowserTreeCpu.Read(chromium.Process.Pid);
        var hub1 = ProcessStats.Read(hub.Process!.Pid);
        var wall = clock.Elapsed;
        var stats1 = await page.EvaluateAsync(Stats, ct);
        double? Rate(string key) => stats0 is null || stats1 is null ? null : ((double)stats1[key]! - (double)stats0[key]!) / wall.TotalSeconds;
        return new Window(
            100 * (browser1.Seconds - browser0.Seconds) / wall.TotalSeconds,
            browser1.Processes,
            ProcessStats.CpuPercent(hub0, hub1, wall),
            LoadAverage.OneMinute(),
            Rate("events"),
            Rate("flushes"),
            stats1 is null ? null : (double)stats1["heap"]! / 1048576.0);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
