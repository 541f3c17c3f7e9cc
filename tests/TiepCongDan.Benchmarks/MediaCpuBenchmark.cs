using System.Diagnostics;
using System.Globalization;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.Benchmarks;

/// <summary>
/// CPU of our whole media pipeline (`tcd-edge media record`: tcd-edge plus the ffmpeg it runs,
/// encrypted local recording, SRT uplink) against Debian's ffmpeg alone doing the same capture and
/// encode and sending to SRT itself, both running at the same time so the machine's other load hits
/// both. Baseline A has the kiosk's exact filter graph (stamp and health analysis), B the same
/// without the analysis branches; --mode pairs runs ours with A, then ours with B, --mode all runs
/// the three at once. Per frame, so a starved process is not flattered.
/// </summary>
public static class MediaCpuBenchmark
{
    private static readonly Baseline SameGraph = new("A", "same filter graph", Analysis: true);
    private static readonly Baseline Minimal = new("B", "minimal, no analysis", Analysis: false);

    public static async Task<BenchReport> RunAsync(BenchArguments args, CancellationToken ct)
    {
        var seconds = args.Int("seconds", 40);
        var warmup = args.Int("warmup", 10);
        var shape = new MediaShape(args.Int("width", 1280), args.Int("height", 720), args.Int("fps", 30), args.Int("kbps", 2500));
        var mode = args.Text("mode", "pairs");
        args.RejectUnknown();
        // pairs: ours with A, then ours with B (two passes); all: ours, A and B at once (one pass, more load).
        var passes = mode switch
        {
            "pairs" => new[] { new Pass("14-04181", [SameGraph]), new Pass("14-04182", [Minimal]) },
            "all" => [new Pass("14-04183", [SameGraph, Minimal])],
            _ => throw new ArgumentException("--mode must be pairs or all"),
        };

        var report = new BenchReport("media-cpu");
        report.Parameters["seconds"] = seconds;
        report.Parameters["warmupSeconds"] = warmup;
        report.Parameters["ladder"] = shape.Ladder;
        report.Parameters["fps"] = shape.Fps;
        report.Parameters["mode"] = mode;
        report.Parameters["cores"] = Environment.ProcessorCount;
        report.Parameters["mqtt"] = "tcd-hub (kiosk online)";
        report.Parameters["upload"] = "closed port";

        // The kiosk is online at a real hub, as in production; only its uploads go to a closed port,
        // so the archive upload does not add to either side.
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        foreach (var pass in passes)
        {
            await RunPassAsync(hub, pass, shape, warmup, seconds, report, ct);
        }

        return report;
    }

    private static async Task RunPassAsync(HubProcess hub, Pass pass, MediaShape shape, int warmup, int seconds, BenchReport report, CancellationToken ct)
    {
        var name = "ours with " + string.Join(" and ", pass.Baselines.Select(b => b.Label));
        using var dir = new TempDirectory("bench-media-cpu");
        var oursFile = dir.Combine("ours.ts");
        var receivers = new List<SrtReceiverProcess>();
        var bares = new List<ChildProcess>();
        ChildProcess? ours = null;
        Window window;
        try
        {
            var oursReceiver = SrtReceiverProcess.Start(FreePort.NextUdp(), MediaKiosk.PassphraseFor(hub, pass.Kiosk), oursFile);
            receivers.Add(oursReceiver);
            foreach (var baseline in pass.Baselines)
            {
                receivers.Add(SrtReceiverProcess.Start(FreePort.NextUdp(), BareFfmpeg.NewPassphrase(), dir.Combine($"bare-{baseline.Label}.ts")));
            }

            // An SRT caller gives up when nobody listens yet.
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);

            Console.WriteLine($"media-cpu {name}: starting tcd-edge media record and bare ffmpeg side by side");
            var total = (warmup + seconds + 5).ToString(CultureInfo.InvariantCulture);
            ours = EdgeProcess.RunOnce(pass.Kiosk, hub, dir.Combine("kiosk"), ["media", "record", "--seconds", total,
                .. MediaKiosk.Arguments(hub, pass.Kiosk, oursReceiver.Port, width: shape.Width, height: shape.Height, fps: shape.Fps, ladder: shape.Ladder),
                $"--Edge:Media:Upload:HubUrl=http://127.0.0.1:{FreePort.Next()}"]);
            for (var i = 0; i < pass.Baselines.Count; i++)
            {
                var receiver = receivers[i + 1];
                bares.Add(ChildProcess.Start($"ffmpeg (bare {pass.Baselines[i].Label})", "/usr/bin/ffmpeg",
                    BareFfmpeg.Arguments(shape, pass.Baselines[i].Analysis, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(),
                        BareFfmpeg.CallerUrl(receiver.Port, receiver.Passphrase, 120))));
            }

            await WaitEncodingAsync(ours, bares, ct);
            Console.WriteLine($"media-cpu {name}: all encoding; warming up {warmup} s, then measuring {seconds} s");
            await Task.Delay(TimeSpan.FromSeconds(warmup), ct);
            EnsureRunning(ours, bares);

            var load0 = LoadAverage.OneMinute();
            var ours0 = TreeCpu.Read(ours.Pid);
            var bare0 = bares.Select(b => ProcessStats.Read(b.Pid).CpuSeconds).ToList();
            var bytes0 = receivers.Select(r => ReceivedFrames.Length(r.OutputPath)).ToList();
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
            var ours1 = TreeCpu.Read(ours.Pid);
            var bare1 = bares.Select(b => ProcessStats.Read(b.Pid).CpuSeconds).ToList();
            var wall = clock.Elapsed;
            var bytes1 = receivers.Select(r => ReceivedFrames.Length(r.OutputPath)).ToList();
            var load1 = LoadAverage.OneMinute();
            EnsureRunning(ours, bares);
            window = new Window(wall, ours0, ours1, [.. bare1.Zip(bare0, (after, before) => after - before)], bytes0, bytes1, load0, load1);
        }
        finally
        {
            foreach (var bare in bares)
            {
                await bare.StopAsync(TimeSpan.FromSeconds(5));
                await bare.DisposeAsync();
            }

            if (ours is not null)
            {
                // It ends its recording by itself a few seconds after the window; SIGTERM if not.
                if (!await ours.WaitForExitAsync(TimeSpan.FromSeconds(15), CancellationToken.None))
                {
                    await ours.StopAsync(TimeSpan.FromSeconds(10));
                }

                await ours.DisposeAsync();
            }

            foreach (var receiver in receivers)
            {
                await receiver.DisposeAsync();
            }
        }

        var wallSeconds = window.Wall.TotalSeconds;
        var oursFrames = await ReceivedFrames.CountVideoFramesAsync(receivers[0].OutputPath, window.Bytes0[0], window.Bytes1[0], ct);
        var oursCpu = window.Ours1.TotalSeconds - window.Ours0.TotalSeconds;
        var oursPerK = 1000 * oursCpu / Math.Max(1, oursFrames);
        report.Add(name, "ours cpu (tcd-edge + ffmpeg)", 100 * oursCpu / wallSeconds, "% of one core");
        report.Add(name, "ours: tcd-edge alone", 100 * (window.Ours1.OwnSeconds - window.Ours0.OwnSeconds) / wallSeconds, "% of one core");
        report.Add(name, "ours: its ffmpeg", 100 * (window.Ours1.ChildrenSeconds - window.Ours0.ChildrenSeconds) / wallSeconds, "% of one core");
        report.Add(name, "ours frames at receiver", oursFrames, $"in {wallSeconds:0.0} s");
        report.Add(name, "ours cpu per 1000 frames", oursPerK, "cpu-s");
        for (var i = 0; i < pass.Baselines.Count; i++)
        {
            var label = $"bare {pass.Baselines[i].Label}";
            var frames = await ReceivedFrames.CountVideoFramesAsync(receivers[i + 1].OutputPath, window.Bytes0[i + 1], window.Bytes1[i + 1], ct);
            var perK = 1000 * window.BareCpu[i] / Math.Max(1, frames);
            report.Add(name, $"{label} ({pass.Baselines[i].Description}) cpu", 100 * window.BareCpu[i] / wallSeconds, "% of one core");
            report.Add(name, $"{label} frames at receiver", frames, $"in {wallSeconds:0.0} s");
            report.Add(name, $"{label} cpu per 1000 frames", perK, "cpu-s");
            report.Add(name, $"ratio ours/{label} per frame", oursPerK / perK, "x");
        }

        report.Add(name, "all measured together", 100 * (oursCpu + window.BareCpu.Sum()) / wallSeconds / Environment.ProcessorCount, "% of all cores");
        report.Add(name, "load average 1 min start", window.Load0);
        report.Add(name, "load average 1 min end", window.Load1);
    }

    /// <summary>Until tcd-edge has started its session and its ffmpeg, failing at once if either side dies.</summary>
    private static async Task WaitEncodingAsync(ChildProcess ours, IReadOnlyList<ChildProcess> bares, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!(ours.Output.ToString().Contains("session ", StringComparison.Ordinal) && ProcessTree.ChildrenOf(ours.Pid).Count > 0))
        {
            EnsureRunning(ours, bares);
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"tcd-edge media record did not start its ffmpeg within 60 s.\n{ours.Describe()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    private static void EnsureRunning(ChildProcess ours, IReadOnlyList<ChildProcess> bares)
    {
        if (ours.HasExited)
        {
            throw new InvalidOperationException($"tcd-edge media record exited early with {ours.ExitCode}.\n{ours.Describe()}");
        }

        foreach (var bare in bares.Where(b => b.HasExited))
        {
            throw new InvalidOperationException($"{bare.Name} exited early with {bare.ExitCode}.\n{bare.Describe()}");
        }
    }

    /// <summary>A bare-ffmpeg baseline: "A" keeps the kiosk's analysis branches, "B" drops them.</summary>
    private sealed record Baseline(string Label, string Description, bool Analysis);

    /// <summary>One measured pass: ours (as kiosk <see cref="Kiosk"/>) with one or more baselines at the same time.</summary>
    private sealed record Pass(string Kiosk, IReadOnlyList<Baseline> Baselines);

    /// <summary>Readings at the start and end of the measured window; receivers' bytes with ours first.</summary>
    private sealed record Window(TimeSpan Wall, TreeCpu Ours0, TreeCpu Ours1, IReadOnlyList<double> BareCpu,
        IReadOnlyList<long> Bytes0, IReadOnlyList<long> Bytes1, double Load0, double Load1);
}
