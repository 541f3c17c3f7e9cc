using System.Globalization;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.Benchmarks;

/// <summary>
/// How fast a session reaches a live viewer and how late its pictures are. A tcd-edge online at a
/// hub streams 1280x720@30 over SRT to an ffmpeg that decodes as it receives; every decoded picture's
/// burned-in stamp gives glass-to-glass latency on this host's clock. The stamp's capture time is
/// when ffmpeg was launched plus the frame's pts, so ffmpeg's own start-up counts as latency: the
/// same measurement of Debian's ffmpeg alone (the kiosk's arguments, straight to SRT) is the baseline,
/// run alternately with ours, and "added by our pipeline" is the difference. A second baseline drops
/// the health-analysis branches, to show what the kiosk's filter graph itself adds.
/// </summary>
public static class MediaLatencyBenchmark
{
    private const string Kiosk = "14-04191";
    private static readonly MediaShape Shape = new(1280, 720, 30, 2500);
    private static readonly TimeSpan SkipAtStart = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FirstFrameTimeout = TimeSpan.FromSeconds(30);

    public static async Task<BenchReport> RunAsync(BenchArguments args, CancellationToken ct)
    {
        var runs = args.Int("runs", 5);
        var seconds = args.Int("seconds", 15);
        var latency = args.Int("latency", 120);
        args.RejectUnknown();
        var time = TimeProvider.System;

        var report = new BenchReport("media-latency");
        report.Parameters["runs"] = runs;
        report.Parameters["seconds"] = seconds;
        report.Parameters["srtLatencyMs"] = latency;
        report.Parameters["ladder"] = Shape.Ladder;
        report.Parameters["fps"] = Shape.Fps;

        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        var port = FreePort.NextUdp();
        await using var edge = EdgeProcess.Start(Kiosk, hub, extraArguments: MediaKiosk.Arguments(hub, Kiosk, port,
            width: Shape.Width, height: Shape.Height, fps: Shape.Fps, ladder: Shape.Ladder,
            extra: string.Create(CultureInfo.InvariantCulture, $"--Edge:Media:Srt:LatencyMs={latency}")));
        await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(60), "online", ct);

        var ours = new Samples();
        var bare = new Samples();
        var minimal = new Samples();
        var load0 = LoadAverage.OneMinute();
        for (var run = 1; run <= runs; run++)
        {
            await RunOursAsync(hub, edge, port, latency, seconds, time, ours, ct);
            Console.WriteLine($"media-latency run {run}/{runs} ours: first frame after {ours.StartToFirstMs[^1]:0} ms, {ours.RunFrames[^1]} frames");
            await RunBareAsync(latency, seconds, analysis: true, time, bare, ct);
            Console.WriteLine($"media-latency run {run}/{runs} bare: first frame after {bare.StartToFirstMs[^1]:0} ms, {bare.RunFrames[^1]} frames");
            await RunBareAsync(latency, seconds, analysis: false, time, minimal, ct);
            Console.WriteLine($"media-latency run {run}/{runs} bare, no analysis: first frame after {minimal.StartToFirstMs[^1]:0} ms, {minimal.RunFrames[^1]} frames");
        }

        var load1 = LoadAverage.OneMinute();
        const string Start = "start -> first frame at the receiver";
        report.Add(Start, "ours (start-session POST) min", ours.StartToFirstMs.Min(), "ms");
        report.Add(Start, "ours p50", Percentiles.Of(ours.StartToFirstMs, 50), "ms");
        report.Add(Start, "ours max", ours.StartToFirstMs.Max(), "ms");
        report.Add(Start, "bare (ffmpeg launch) min", bare.StartToFirstMs.Min(), "ms");
        report.Add(Start, "bare p50", Percentiles.Of(bare.StartToFirstMs, 50), "ms");
        report.Add(Start, "bare max", bare.StartToFirstMs.Max(), "ms");
        report.Add(Start, "added by our pipeline p50", Percentiles.Of(ours.StartToFirstMs, 50) - Percentiles.Of(bare.StartToFirstMs, 50), "ms");
        report.Add(Start, "bare, no analysis p50", Percentiles.Of(minimal.StartToFirstMs, 50), "ms");

        const string Glass = "glass to glass (decode - stamped capture)";
        AddLatency(report, Glass, "ours", ours);
        AddLatency(report, Glass, "bare", bare);
        report.Add(Glass, "added by our pipeline p50", Percentiles.Of(ours.LatencyMs, 50) - Percentiles.Of(bare.LatencyMs, 50), "ms");
        report.Add(Glass, "added by our pipeline p95", Percentiles.Of(ours.LatencyMs, 95) - Percentiles.Of(bare.LatencyMs, 95), "ms");
        // The same command without the health-analysis branches: what the analysis itself costs in latency.
        AddLatency(report, Glass, "bare, no analysis", minimal);
        report.Add(Glass, "added by the analysis graph p50", Percentiles.Of(bare.LatencyMs, 50) - Percentiles.Of(minimal.LatencyMs, 50), "ms");
        report.Add("machine", "load average 1 min start", load0);
        report.Add("machine", "load average 1 min end", load1);
        return report;
    }

    private static void AddLatency(BenchReport report, string section, string who, Samples samples)
    {
        report.Add(section, $"{who} p50", Percentiles.Of(samples.LatencyMs, 50), "ms");
        report.Add(section, $"{who} p95", Percentiles.Of(samples.LatencyMs, 95), "ms");
        report.Add(section, $"{who} max", samples.LatencyMs.Count == 0 ? double.NaN : samples.LatencyMs.Max(), "ms");
        report.Add(section, $"{who} frames", samples.LatencyMs.Count, $"(first {SkipAtStart.TotalSeconds:0} s of each run skipped; unreadable {samples.Unreadable})");
    }

    private static async Task RunOursAsync(HubProcess hub, EdgeProcess edge, int port, int latency, int seconds, TimeProvider time, Samples samples, CancellationToken ct)
    {
        var receiver = StampedFrameReceiver.Start(port, MediaKiosk.PassphraseFor(hub, Kiosk), latency, Shape.Width, time);
        var started = false;
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
            var t0 = time.GetUtcNow().ToUnixTimeMilliseconds();
            using (var response = await hub.SendCommandAsync(Kiosk, "start-session", ct))
            {
                response.EnsureSuccessStatusCode();
            }

            started = true;
            var first = await WaitFirstAsync(receiver, () => edge.Describe(), ct);
            samples.StartToFirstMs.Add(first.DecodedUnixMs - t0);
            await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
        }
        finally
        {
            if (started)
            {
                await MediaKiosk.StopSessionAsync(hub, edge, CancellationToken.None);
            }

            await receiver.DisposeAsync();
        }

        samples.Collect(receiver);
    }

    private static async Task RunBareAsync(int latency, int seconds, bool analysis, TimeProvider time, Samples samples, CancellationToken ct)
    {
        var port = FreePort.NextUdp();
        var passphrase = BareFfmpeg.NewPassphrase();
        var receiver = StampedFrameReceiver.Start(port, passphrase, latency, Shape.Width, time);
        ChildProcess? bare = null;
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
            // As the kiosk does: the first frame's capture time is the moment ffmpeg is launched.
            var t0 = time.GetUtcNow().ToUnixTimeMilliseconds();
            var arguments = BareFfmpeg.Arguments(Shape, analysis, t0, BareFfmpeg.CallerUrl(port, passphrase, latency));
            if (samples.RunFrames.Count == 0 && analysis)
            {
                // So the baseline can be rerun by hand.
                Console.WriteLine("baseline: ffmpeg " + string.Join(' ', arguments.Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'")));
            }

            bare = ChildProcess.Start("ffmpeg (bare)", "/usr/bin/ffmpeg", arguments);
            var process = bare;
            var first = await WaitFirstAsync(receiver, process.Describe, ct);
            samples.StartToFirstMs.Add(first.DecodedUnixMs - t0);
            await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
        }
        finally
        {
            if (bare is not null)
            {
                await bare.StopAsync(TimeSpan.FromSeconds(5));
                await bare.DisposeAsync();
            }

            await receiver.DisposeAsync();
        }

        samples.Collect(receiver);
    }

    private static async Task<StampedFrame> WaitFirstAsync(StampedFrameReceiver receiver, Func<string> sender, CancellationToken ct)
    {
        try
        {
            return await receiver.FirstFrame.WaitAsync(FirstFrameTimeout, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no stamped frame at the receiver within {FirstFrameTimeout.TotalSeconds:0} s.\n{receiver.Describe()}\n{sender()}");
        }
    }

    /// <summary>What one side (ours or the baseline) measured over all runs.</summary>
    private sealed class Samples
    {
        public List<double> StartToFirstMs { get; } = [];

        public List<double> LatencyMs { get; } = [];

        public List<int> RunFrames { get; } = [];

        public int Unreadable { get; private set; }

        public void Collect(StampedFrameReceiver receiver)
        {
            var frames = receiver.Frames;
            if (frames.Count == 0)
            {
                RunFrames.Add(0);
                return;
            }

            // The first second is the start-up burst (the SRT buffer filling, x264's lookahead settling).
            var from = frames[0].DecodedUnixMs + (long)SkipAtStart.TotalMilliseconds;
            LatencyMs.AddRange(frames.Where(f => f.DecodedUnixMs >= from).Select(f => (double)f.GlassToGlassMs));
            RunFrames.Add(frames.Count);
            Unreadable += receiver.Unreadable;
        }
    }
}
