using System.Diagnostics;
using System.Globalization;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.Benchmarks;

/// <summary>
/// CPU of our whole media pipeline (`tcd-edge media record`: tcd-edge plus the ffmpeg it runs,
/// encrypted local recording, SRT uplink) against Debian's ffmpeg alone doing the same capture and
/// encode and sending to SRT itself, both running at the same time so the machine's other load hits
/// both. Pass A: the bare ffmpeg has the kiosk's exact filter graph (stamp and health analysis);
/// pass B: the same without the analysis branches. Per frame, so a starved process is not flattered.
/// </summary>
public static class MediaCpuBenchmark
{
    private static readonly (string Name, bool Analysis, string Kiosk)[] Passes =
    [
        ("A: bare ffmpeg, same filter graph", true, "14-04181"),
        ("B: bare ffmpeg, minimal (no analysis)", false, "14-04182"),
    ];

    public static async Task<BenchReport> RunAsync(BenchArguments args, CancellationToken ct)
    {
        var seconds = args.Int("seconds", 40);
        var warmup = args.Int("warmup", 10);
        var shape = new MediaShape(args.Int("width", 1280), args.Int("height", 720), args.Int("fps", 30), args.Int("kbps", 2500));
        args.RejectUnknown();

        var report = new BenchReport("media-cpu");
        report.Parameters["seconds"] = seconds;
        report.Parameters["warmupSeconds"] = warmup;
        report.Parameters["ladder"] = shape.Ladder;
        report.Parameters["fps"] = shape.Fps;
        report.Parameters["cores"] = Environment.ProcessorCount;
        report.Parameters["mqtt"] = "tcd-hub (kiosk online)";
        report.Parameters["upload"] = "closed port";

        // The kiosk is online at a real hub, as in production; only its uploads go to a closed port,
        // so the archive upload does not add to either side.
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        foreach (var pass in Passes)
        {
            await RunPassAsync(hub, pass.Name, pass.Analysis, pass.Kiosk, shape, warmup, seconds, report, ct);
        }

        return report;
    }

    private static async Task RunPassAsync(HubProcess hub, string name, bool analysis, string kiosk, MediaShape shape,
        int warmup, int seconds, BenchReport report, CancellationToken ct)
    {
        using var dir = new TempDirectory("bench-media-cpu");
        var oursFile = dir.Combine("ours.ts");
        var bareFile = dir.Combine("bare.ts");
        var barePassphrase = BareFfmpeg.NewPassphrase();
        SrtReceiverProcess? oursReceiver = null;
        SrtReceiverProcess? bareReceiver = null;
        ChildProcess? ours = null;
        ChildProcess? bare = null;
        Window window;
        try
        {
            oursReceiver = SrtReceiverProcess.Start(FreePort.NextUdp(), MediaKiosk.PassphraseFor(hub, kiosk), oursFile);
            bareReceiver = SrtReceiverProcess.Start(FreePort.NextUdp(), barePassphrase, bareFile);
            // An SRT caller gives up when nobody listens yet.
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);

            Console.WriteLine($"media-cpu {name}: starting tcd-edge media record and bare ffmpeg side by side");
            var total = (warmup + seconds + 5).ToString(CultureInfo.InvariantCulture);
            ours = EdgeProcess.RunOnce(kiosk, hub, dir.Combine("kiosk"), ["media", "record", "--seconds", total,
                .. MediaKiosk.Arguments(hub, kiosk, oursReceiver.Port, width: shape.Width, height: shape.Height, fps: shape.Fps, ladder: shape.Ladder),
                $"--Edge:Media:Upload:HubUrl=http://127.0.0.1:{FreePort.Next()}"]);
            bare = ChildProcess.Start("ffmpeg (bare)", "/usr/bin/ffmpeg",
                BareFfmpeg.Arguments(shape, analysis, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(),
                    BareFfmpeg.CallerUrl(bareReceiver.Port, barePassphrase, 120)));

            await WaitEncodingAsync(ours, bare, ct);
            Console.WriteLine($"media-cpu {name}: both encoding; warming up {warmup} s, then measuring {seconds} s");
            await Task.Delay(TimeSpan.FromSeconds(warmup), ct);
            EnsureRunning(ours, bare);

            var load0 = LoadAverage.OneMinute();
            var ours0 = TreeCpu.Read(ours.Pid);
            var bare0 = ProcessStats.Read(bare.Pid);
            var oursBytes0 = ReceivedFrames.Length(oursFile);
            var bareBytes0 = ReceivedFrames.Length(bareFile);
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
            var ours1 = TreeCpu.Read(ours.Pid);
            var bare1 = ProcessStats.Read(bare.Pid);
            var wall = clock.Elapsed;
            var oursBytes1 = ReceivedFrames.Length(oursFile);
            var bareBytes1 = ReceivedFrames.Length(bareFile);
            var load1 = LoadAverage.OneMinute();
            EnsureRunning(ours, bare);
            window = new Window(wall, ours0, ours1, bare1.CpuSeconds - bare0.CpuSeconds, oursBytes0, oursBytes1, bareBytes0, bareBytes1, load0, load1);
        }
        finally
        {
            if (bare is not null)
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

            if (oursReceiver is not null)
            {
                await oursReceiver.DisposeAsync();
            }

            if (bareReceiver is not null)
            {
                await bareReceiver.DisposeAsync();
            }
        }

        var oursFrames = await ReceivedFrames.CountVideoFramesAsync(oursFile, window.OursBytes0, window.OursBytes1, ct);
        var bareFrames = await ReceivedFrames.CountVideoFramesAsync(bareFile, window.BareBytes0, window.BareBytes1, ct);
        var oursCpu = window.Ours1.TotalSeconds - window.Ours0.TotalSeconds;
        var edgeCpu = window.Ours1.OwnSeconds - window.Ours0.OwnSeconds;
        var ffmpegCpu = window.Ours1.ChildrenSeconds - window.Ours0.ChildrenSeconds;
        var wallSeconds = window.Wall.TotalSeconds;
        var oursPerK = 1000 * oursCpu / Math.Max(1, oursFrames);
        var barePerK = 1000 * window.BareCpu / Math.Max(1, bareFrames);

        report.Add(name, "ours cpu (tcd-edge + ffmpeg)", 100 * oursCpu / wallSeconds, "% of one core");
        report.Add(name, "ours: tcd-edge alone", 100 * edgeCpu / wallSeconds, "% of one core");
        report.Add(name, "ours: its ffmpeg", 100 * ffmpegCpu / wallSeconds, "% of one core");
        report.Add(name, "bare ffmpeg cpu", 100 * window.BareCpu / wallSeconds, "% of one core");
        report.Add(name, "ours frames at receiver", oursFrames, $"in {wallSeconds:0.0} s");
        report.Add(name, "bare frames at receiver", bareFrames, $"in {wallSeconds:0.0} s");
        report.Add(name, "ours cpu per 1000 frames", oursPerK, "cpu-s");
        report.Add(name, "bare cpu per 1000 frames", barePerK, "cpu-s");
        report.Add(name, "ratio ours/bare per frame", oursPerK / barePerK, "x");
        report.Add(name, "both together", 100 * (oursCpu + window.BareCpu) / wallSeconds / Environment.ProcessorCount, "% of all cores");
        report.Add(name, "load average 1 min start", window.Load0);
        report.Add(name, "load average 1 min end", window.Load1);
    }

    /// <summary>Until tcd-edge has started its session and its ffmpeg, failing at once if either side dies.</summary>
    private static async Task WaitEncodingAsync(ChildProcess ours, ChildProcess bare, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!(ours.Output.ToString().Contains("session ", StringComparison.Ordinal) && ProcessTree.ChildrenOf(ours.Pid).Count > 0))
        {
            EnsureRunning(ours, bare);
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"tcd-edge media record did not start its ffmpeg within 60 s.\n{ours.Describe()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    private static void EnsureRunning(ChildProcess ours, ChildProcess bare)
    {
        if (ours.HasExited)
        {
            throw new InvalidOperationException($"tcd-edge media record exited early with {ours.ExitCode}.\n{ours.Describe()}");
        }

        if (bare.HasExited)
        {
            throw new InvalidOperationException($"the bare ffmpeg exited early with {bare.ExitCode}.\n{bare.Describe()}");
        }
    }

    private sealed record Window(TimeSpan Wall, TreeCpu Ours0, TreeCpu Ours1, double BareCpu,
        long OursBytes0, long OursBytes1, long BareBytes0, long BareBytes1, double Load0, double Load1);
}
