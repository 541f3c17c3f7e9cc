using TiepCongDan.Benchmarks;

// tcd-bench: measures the fleet channel and the kiosk's media pipeline; prints a table and a JSON line, writes artifacts/bench/<name>.json.
const string Usage = """
    usage: tcd-bench <benchmark> [options]
      fleet     --kiosks 5000 [--broker embedded|mosquitto|both] [--duration 120] [--interval 10]
                [--ramp 200] [--provinces 14,11,01,79,48]
                N simulated kiosks (tcd-fleet-sim) against the hub: message rate, publish->registry latency, hub CPU/RSS
      kill      [--count 20] [--keepalive 5] [--mode kill|freeze|both]
                SIGKILL (or SIGSTOP: hung kiosk, socket open) of a kiosk until the hub shows it offline,
                repeated: min/p50/p90/max seconds
      edge-idle [--seconds 60] [--warmup 15]
                one tcd-edge connected to a hub, idle: CPU % of one core and RSS
      media-cpu [--seconds 40] [--warmup 10] [--width 1280 --height 720 --fps 30 --kbps 2500] [--mode pairs|all]
                tcd-edge media record (tcd-edge + its ffmpeg, SRT, encrypted recording) side by side with a bare
                ffmpeg running the kiosk's own command straight to SRT: CPU %, frames, CPU-s per 1000 frames, ratio
      media-latency [--runs 5] [--seconds 15] [--latency 120]
                start-session -> first decoded frame at a live SRT receiver, and glass-to-glass latency from the
                burned-in frame stamps, against the same for a bare ffmpeg (the difference is what we add)
      hub-media [--sessions 4] [--seconds 30] [--warmup 5] [--kbps 2000] [--ramp 2,4,8,12] [--segments 40] [--segment-mb 4]
                N simulated kiosks into tcd-hub (2 caller points each + live recording) and the same N streams through
                srt-live-transmit relays: CPU per stream and ratio, one-way latency p50/p99 and loss per path, capacity
                over --ramp, then archive write throughput (4 MB segments PATCHed, fsync'd, 1 and 4 at a time)
      card-read [--runs 20] [--warmup 3]
                full CCCD read (BAC or PACE-CAN, EF.COM, DG1, DG13, EF.SOD, passive authentication) on the virtual
                card through real pcscd + vpcd, against the same APDUs replayed raw: time, round trips, ratio
      reception [--sessions 20]
                N card sessions (virtual CCCD on the private pcscd's reader, QR, chip read, case-kind button) and N
                staff-button sessions, alternating, each to live at the hub and back: card presented -> live and
                staff button -> live, p50/p95, as the kiosk reported them to the hub and as timed from outside
      console   [--kiosks 5000] [--seconds 60] [--interval 10] [--loads 3] [--ramp 200] [--provinces 14,11,01,79,48]
                the fleet overview in headless Chromium with N simulated kiosks (as the fleet bench): navigation ->
                first meaningful render, and Chromium's CPU (whole process tree) while live updates flow, collapsed
                and expanded, against the same browser idle on about:blank (ratio); the hub's CPU alongside
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 64 : 0;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Ctrl-C: stop measuring, then let every benchmark's finally blocks stop the processes it started.
    e.Cancel = true;
    cts.Cancel();
};

try
{
    var options = new BenchArguments(args.Skip(1));
    IReadOnlyList<BenchReport> reports = args[0] switch
    {
        "fleet" => await FleetBenchmark.RunAsync(options, cts.Token),
        "kill" => [await KillBenchmark.RunAsync(options, cts.Token)],
        "edge-idle" => [await EdgeIdleBenchmark.RunAsync(options, cts.Token)],
        "media-cpu" => [await MediaCpuBenchmark.RunAsync(options, cts.Token)],
        "media-latency" => [await MediaLatencyBenchmark.RunAsync(options, cts.Token)],
        "hub-media" => [await TiepCongDan.Benchmarks.Hub.HubMediaBenchmark.RunAsync(options, cts.Token)],
        "card-read" => [TiepCongDan.Benchmarks.Card.CardReadBenchmark.Run(options, cts.Token)],
        "reception" => [await TiepCongDan.Benchmarks.Reception.ReceptionBenchmark.RunAsync(options, cts.Token)],
        "console" => [await TiepCongDan.Benchmarks.OperatorConsole.ConsoleBenchmark.RunAsync(options, cts.Token)],
        _ => throw new ArgumentException($"unknown benchmark '{args[0]}'"),
    };
    foreach (var report in reports)
    {
        report.Print(Console.Out);
        Console.WriteLine($"written: {report.Save()}");
    }

    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"tcd-bench: {ex.Message}");
    Console.Error.WriteLine(Usage);
    return 64;
}
catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or FileNotFoundException)
{
    Console.Error.WriteLine($"tcd-bench: {ex.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("tcd-bench: cancelled");
    return 130;
}
