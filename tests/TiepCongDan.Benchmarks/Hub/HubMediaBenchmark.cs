using System.Diagnostics;
using System.Globalization;
using TiepCongDan.Contracts.Media;
using TiepCongDan.EndToEnd.Tests.Fixtures;
using TiepCongDan.Srt;

namespace TiepCongDan.Benchmarks.Hub;

/// <summary>
/// The hub's media path under load. N simulated kiosks (real SRT, a 2 Mbit/s kiosk-like TS with
/// segment markers, paced in real time) stream into a real tcd-hub that forwards every session to
/// two caller reception points and records it live; then the same N streams go through N Debian
/// srt-live-transmit relays (one output each, no recording). Per phase: CPU, one-way latency of
/// every frame-starting packet from sender to sink, and packets that never arrived. With --ramp,
/// repeated at each N; the capacity is the largest N with no loss and hub CPU under 180 %. Last,
/// archive write throughput: 4 MB segments PATCHed through the upload API (fsync'd), 1 and 4 at a time.
/// </summary>
public static class HubMediaBenchmark
{
    private const double CpuCeiling = 180;
    private static readonly TimeSpan Tail = TimeSpan.FromSeconds(1);

    public static async Task<BenchReport> RunAsync(BenchArguments args, CancellationToken ct)
    {
        var sessions = args.Int("sessions", 4);
        var seconds = args.Int("seconds", 30);
        var warmup = args.Int("warmup", 5);
        var kbps = args.Int("kbps", 2000);
        var ramp = args.Text("ramp", string.Empty);
        var segments = args.Int("segments", 40);
        var segmentMb = args.Int("segment-mb", 4);
        args.RejectUnknown();
        var steps = ramp.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 100
                ? n
                : throw new ArgumentException($"--ramp takes numbers of sessions 1-99 separated by commas, not '{s}'"))
            .Append(sessions).Distinct().Order().ToList();
        if (sessions > 99)
        {
            throw new ArgumentException("--sessions must be below 100 (kiosk ids 14-04101..14-04199)");
        }

        var report = new BenchReport("hub-media");
        report.Parameters["steps"] = string.Join(",", steps);
        report.Parameters["seconds"] = seconds;
        report.Parameters["warmupSeconds"] = warmup;
        report.Parameters["cores"] = Environment.ProcessorCount;

        using var dir = new TempDirectory("bench-hub-media");
        Console.WriteLine($"hub-media: encoding a 20 s 640x360@25 {kbps} kbit/s H.264+AAC clip with ffmpeg");
        var clip = await TsClip.EncodeAsync(dir.Combine("clip.ts"), kbps, 20, ct);
        report.Parameters["clip"] = string.Create(CultureInfo.InvariantCulture, $"640x360@25 {clip.Kbps:0} kbit/s, {clip.Segments.Count} segments of 4 s, looped");

        using var pointA = new LatencySink("point A", FreePort.NextUdp(), NewPassphrase(), clip.VideoPid);
        using var pointB = new LatencySink("point B", FreePort.NextUdp(), NewPassphrase(), clip.VideoPid);
        using var relaySink = new LatencySink("relay", FreePort.NextUdp(), NewPassphrase(), clip.VideoPid);
        await using var hub = await HubProcess.StartAsync(new HubStartOptions { ExtraArguments = [.. PointArguments(0, pointA), .. PointArguments(1, pointB)] }, ct);
        Console.WriteLine($"hub-media: tcd-hub up (SRT ingest :{hub.SrtPort}), points A :{pointA.Port} and B :{pointB.Port}");

        // What the hub burns with no media (embedded broker, sealing and retention loops): part of every step's hub CPU.
        var idle0 = ProcessStats.Read(hub.Process!.Pid);
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        var idle = ProcessStats.CpuPercent(idle0, ProcessStats.Read(hub.Process!.Pid), TimeSpan.FromSeconds(5));
        report.Add("machine", "hub cpu idle (no sessions)", idle, "% of one core (included in every hub cpu below)");
        report.Add("machine", "load average 1 min at start", LoadAverage.OneMinute());
        report.Add("machine", "archive file system", ArchiveFileSystem.Of(hub.DataDirectory));
        var results = new List<(int N, PhaseResult Hub, PhaseResult Relay, HubCounters Counters)>();
        foreach (var n in steps)
        {
            var ledger = new PacketLedger();
            pointA.Ledger = ledger;
            pointB.Ledger = ledger;
            relaySink.Ledger = ledger;
            Console.WriteLine($"hub-media: {n} sessions through tcd-hub ({warmup} s warm-up, {seconds} s measured)");
            var (hubPhase, counters) = await RunHubPhaseAsync(hub, clip, n, warmup, seconds, ledger, [pointA, pointB], ct);
            Console.WriteLine($"hub-media: {n} streams through srt-live-transmit");
            var relayPhase = await RunRelayPhaseAsync(clip, n, warmup, seconds, ledger, relaySink, results.Count, ct);
            results.Add((n, hubPhase, relayPhase, counters));
            AddStep(report, n, hubPhase, relayPhase, counters, idle);
        }

        AddCapacity(report, results, idle);

        const string Archive = "archive write (PATCH, fsync'd segments)";
        foreach (var parallel in new[] { 1, 4 })
        {
            Console.WriteLine($"hub-media: archive write, {segments} x {segmentMb} MB, {parallel} at a time");
            var write = await ArchiveWriteBenchmark.RunAsync(hub, "14-0419" + parallel.ToString(CultureInfo.InvariantCulture), segments, segmentMb * 1024 * 1024, parallel, ct);
            report.Add(Archive, $"{parallel} at a time: throughput", write.MegabytesPerSecond, $"MB/s ({segments} x {segmentMb} MB in {write.WallSeconds:0.0} s)");
            report.Add(Archive, $"{parallel} at a time: per segment p50", Percentiles.Of(write.SegmentMs, 50), "ms");
            report.Add(Archive, $"{parallel} at a time: per segment p99", Percentiles.Of(write.SegmentMs, 99), "ms");
            report.Add(Archive, $"{parallel} at a time: hub cpu", write.HubCpuPercent, "% of one core");
        }

        report.Add(Archive, "load average 1 min", LoadAverage.OneMinute());
        return report;
    }

    private static async Task<(PhaseResult Result, HubCounters Counters)> RunHubPhaseAsync(HubProcess hub, TsClip clip, int n, int warmup, int seconds,
        PacketLedger ledger, IReadOnlyList<LatencySink> points, CancellationToken ct)
    {
        var senders = new List<KioskSender>();
        var metrics0 = await hub.GetMetricsAsync(ct);
        try
        {
            for (var i = 0; i < n; i++)
            {
                var kiosk = "14-041" + (i + 1).ToString("00", CultureInfo.InvariantCulture);
                var session = MediaSessionId.New(kiosk, TimeProvider.System.GetUtcNow());
                var caller = new SrtCallerOptions
                {
                    Host = "127.0.0.1",
                    Port = hub.SrtPort,
                    StreamId = SrtStreamId.Publish(kiosk, session).ToString(),
                    Passphrase = MediaCredentials.DeriveSrtPassphrase(hub.Secret.Bytes, kiosk),
                };
                senders.Add(new KioskSender(clip, caller, session, session, ledger));
            }

            var hubPid = hub.Process!.Pid;
            var (result, stopped) = await MeasureAsync(senders, () => ProcessStats.Read(hubPid).CpuSeconds, () =>
            {
                if (hub.Process!.HasExited)
                {
                    throw new InvalidOperationException($"tcd-hub exited during the benchmark.\n{hub.Describe()}");
                }
            }, warmup, seconds, ct);
            // Let the last packets through the points, the last segment confirmation land.
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            var metrics1 = await hub.GetMetricsAsync(ct);
            var streams = senders.Select(s => s.Stream).ToList();
            var paths = points.Select(p => ledger.Summarize(p.Path, streams, stopped - Stopwatch.Frequency * (long)Tail.TotalSeconds)).ToList();
            var counters = new HubCounters(
                Delta(metrics0, metrics1, "tcd_hub_live_segments_confirmed_total"),
                Delta(metrics0, metrics1, "tcd_hub_live_segments_discarded_total", l => l.GetValueOrDefault("reason") == "connection-ended"),
                Delta(metrics0, metrics1, "tcd_hub_live_segments_discarded_total", l => l.GetValueOrDefault("reason") != "connection-ended"),
                Delta(metrics0, metrics1, "tcd_hub_bridge_dropped_total"),
                senders.Sum(s => s.SegmentsSent));
            return (result with { Paths = paths }, counters);
        }
        finally
        {
            foreach (var sender in senders)
            {
                sender.Dispose();
            }
        }
    }

    private static async Task<PhaseResult> RunRelayPhaseAsync(TsClip clip, int n, int warmup, int seconds, PacketLedger ledger, LatencySink sink, int step, CancellationToken ct)
    {
        var relays = new List<RelayBaseline>();
        var senders = new List<KioskSender>();
        try
        {
            for (var i = 0; i < n; i++)
            {
                var stream = string.Create(CultureInfo.InvariantCulture, $"relay-{step}-{i}");
                var relay = RelayBaseline.Start(stream, sink);
                relays.Add(relay);
                var kiosk = "14-041" + (i + 1).ToString("00", CultureInfo.InvariantCulture);
                var caller = new SrtCallerOptions { Host = "127.0.0.1", Port = relay.InputPort, Passphrase = relay.Passphrase };
                senders.Add(new KioskSender(clip, caller, stream, MediaSessionId.New(kiosk, TimeProvider.System.GetUtcNow()), ledger));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            var (result, stopped) = await MeasureAsync(senders, () => relays.Sum(r => ProcessStats.Read(r.Process.Pid).CpuSeconds), () =>
            {
                foreach (var relay in relays.Where(r => r.Process.HasExited))
                {
                    throw new InvalidOperationException($"{relay.Process.Name} exited with {relay.Process.ExitCode}.\n{relay.Process.Describe()}");
                }
            }, warmup, seconds, ct);
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            var streams = senders.Select(s => s.Stream).ToList();
            return result with { Paths = [ledger.Summarize(sink.Path, streams, stopped - Stopwatch.Frequency * (long)Tail.TotalSeconds)] };
        }
        finally
        {
            foreach (var sender in senders)
            {
                sender.Dispose();
            }

            foreach (var relay in relays)
            {
                await relay.DisposeAsync();
            }
        }
    }

    /// <summary>Starts the senders, waits the warm-up, measures CPU over the window, stops the senders; returns when they stopped (a Stopwatch timestamp).</summary>
    private static async Task<(PhaseResult Result, long Stopped)> MeasureAsync(IReadOnlyList<KioskSender> senders, Func<double> cpuSeconds, Action ensureRunning,
        int warmup, int seconds, CancellationToken ct)
    {
        foreach (var sender in senders)
        {
            sender.Start();
        }

        await Task.Delay(TimeSpan.FromSeconds(warmup), ct);
        ensureRunning();
        var load0 = LoadAverage.OneMinute();
        var cpu0 = cpuSeconds();
        var bench0 = Process.GetCurrentProcess().TotalProcessorTime;
        var bytes0 = senders.Sum(s => s.BytesSent);
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
        ensureRunning();
        var cpu1 = cpuSeconds();
        var bench1 = Process.GetCurrentProcess().TotalProcessorTime;
        var bytes1 = senders.Sum(s => s.BytesSent);
        var wall = clock.Elapsed.TotalSeconds;
        var load1 = LoadAverage.OneMinute();
        foreach (var sender in senders)
        {
            sender.Stop();
        }

        var stopped = Stopwatch.GetTimestamp();
        var failures = senders.Where(s => s.Failure is not null).Select(s => $"{s.Stream}: {s.Failure}").ToList();
        var result = new PhaseResult(senders.Count, 100 * (cpu1 - cpu0) / wall, 100 * (bench1 - bench0).TotalSeconds / wall, wall,
            (bytes1 - bytes0) * 8.0 / wall / 1000 / Math.Max(1, senders.Count), senders.Max(s => s.MaxLagMs), failures, [], load0, load1);
        return (result, stopped);
    }

    private static void AddStep(BenchReport report, int n, PhaseResult hub, PhaseResult relay, HubCounters counters, double idle)
    {
        var section = $"{n} sessions";
        report.Add(section, "sent per stream", hub.SentKbpsPerStream, $"kbit/s (relay phase {relay.SentKbpsPerStream:0} kbit/s)");
        report.Add(section, "hub cpu (ingest + 2 outputs + recording)", hub.CpuPercent, "% of one core");
        report.Add(section, "hub cpu per session", hub.CpuPerStream, "% of one core");
        report.Add(section, "hub cpu per session, idle excluded", (hub.CpuPercent - idle) / n, "% of one core");
        report.Add(section, "relays cpu (srt-live-transmit, 1 output)", relay.CpuPercent, $"% of one core, {n} processes");
        report.Add(section, "relay cpu per stream", relay.CpuPerStream, "% of one core");
        report.Add(section, "ratio hub/relay per stream", hub.CpuPerStream / relay.CpuPerStream, "x");
        report.Add(section, "ratio per output delivered", hub.CpuPerStream / 2 / relay.CpuPerStream, "x (hub delivers 2 and records)");
        foreach (var path in hub.Paths.Concat(relay.Paths))
        {
            var who = path.Path == "relay" ? "relay" : "hub -> " + path.Path;
            report.Add(section, $"{who} latency p50", path.P50, "ms sender -> sink");
            report.Add(section, $"{who} latency p99", path.P99, "ms");
            report.Add(section, $"{who} lost", path.Lost, $"of {path.Expected} frame packets, {path.StreamsReached}/{path.Streams} streams reached");
        }

        var relayPath = relay.Paths[0];
        foreach (var path in hub.Paths)
        {
            report.Add(section, $"added by hub vs relay ({path.Path}) p50", path.P50 - relayPath.P50, "ms");
            report.Add(section, $"added by hub vs relay ({path.Path}) p99", path.P99 - relayPath.P99, "ms");
        }

        report.Add(section, "live segments confirmed", counters.Confirmed, $"of {counters.SegmentsSent} opened by the senders");
        report.Add(section, "live segments discarded, connection ended", counters.DiscardedAtEnd, "(each session's last: only the kiosk's upload knows its hash)");
        report.Add(section, "live segments discarded, other reasons", counters.DiscardedOther, "(hash-mismatch, sequence-gap, ...: should be 0)");
        report.Add(section, "bridge queue drops", counters.BridgeDrops);
        report.Add(section, "bench cpu hub phase (senders+sinks)", hub.BenchCpuPercent, "% of one core");
        report.Add(section, "bench cpu relay phase", relay.BenchCpuPercent, "% of one core");
        report.Add(section, "sender max lag", Math.Max(hub.MaxSenderLagMs, relay.MaxSenderLagMs), "ms behind the clip's clock");
        report.Add(section, "sender failures", hub.SenderFailures.Count + relay.SenderFailures.Count,
            string.Join("; ", hub.SenderFailures.Concat(relay.SenderFailures).Take(3)));
        report.Add(section, "load average 1 min hub start/end", $"{hub.Load0:0.00}/{hub.Load1:0.00}");
        report.Add(section, "load average 1 min relay start/end", $"{relay.Load0:0.00}/{relay.Load1:0.00}");
    }

    private static void AddCapacity(BenchReport report, IReadOnlyList<(int N, PhaseResult Hub, PhaseResult Relay, HubCounters Counters)> results, double idle)
    {
        const string Section = "capacity (2 Mbit/s sessions, 2 points each + recording)";
        foreach (var (n, hub, relay, _) in results)
        {
            var clean = hub.Paths.All(p => p.Clean) && hub.SenderFailures.Count == 0;
            report.Add(Section, $"N={n}: hub cpu per session", hub.CpuPerStream,
                string.Create(CultureInfo.InvariantCulture, $"% of one core; total {hub.CpuPercent:0} %, {(clean ? "no loss" : "LOSS")}; relay {relay.CpuPerStream:0.0} % per stream"));
        }

        var ok = results.Where(r => r.Hub.Paths.All(p => p.Clean) && r.Hub.SenderFailures.Count == 0 && r.Hub.CpuPercent < CpuCeiling).Select(r => r.N).ToList();
        var largestTried = results.Max(r => r.N);
        var largest = ok.Count == 0 ? "none" : ok.Max() == largestTried ? $">= {largestTried}" : ok.Max().ToString(CultureInfo.InvariantCulture);
        report.Add(Section, "largest N without loss, hub cpu < 180 %", largest,
            ok.Count > 0 && ok.Max() == largestTried ? "(the largest step tried was clean: raise --ramp)" : $"of steps {string.Join(",", results.Select(r => r.N))}");
        // Not a measurement: where the hub's CPU alone would reach the ceiling at the cost per session of the
        // largest clean step (a starved step's cost per session looks smaller than it is).
        var cleanSteps = results.Where(r => ok.Contains(r.N)).ToList();
        var last = cleanSteps.Count > 0 ? cleanSteps[^1] : results[^1];
        var perSession = (last.Hub.CpuPercent - idle) / last.N;
        report.Add(Section, "cpu-bound estimate (not measured)", perSession > 0 ? Math.Floor((CpuCeiling - idle) / perSession) : double.NaN,
            string.Create(CultureInfo.InvariantCulture, $"sessions at {perSession:0.0} % each (N={last.N}) + {idle:0} % idle; senders and sinks excluded"));
    }

    private static double Delta(PrometheusText before, PrometheusText after, string name, Func<IReadOnlyDictionary<string, string>, bool>? filter = null) =>
        after.Sum(name, filter) - before.Sum(name, filter);

    private static string[] PointArguments(int index, LatencySink sink) =>
    [
        $"--Hub:Media:Points:{index}:Id=point-{(char)('a' + index)}",
        $"--Hub:Media:Points:{index}:Name=Điểm tiếp nhận {(char)('A' + index)}",
        $"--Hub:Media:Points:{index}:Provinces:0=*",
        $"--Hub:Media:Points:{index}:Mode=caller",
        $"--Hub:Media:Points:{index}:Host=127.0.0.1",
        $"--Hub:Media:Points:{index}:Port={sink.Port}",
        $"--Hub:Media:Points:{index}:Passphrase={sink.Passphrase}",
        $"--Hub:Media:Points:{index}:LatencyMs=120",
    ];

    private static string NewPassphrase() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
