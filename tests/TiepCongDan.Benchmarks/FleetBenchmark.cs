using System.Diagnostics;
using System.Globalization;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.Benchmarks;

/// <summary>
/// N simulated kiosks (tcd-fleet-sim, one MQTT connection each, one NDATA per interval) against the
/// hub with its embedded broker and/or with Mosquitto. After every kiosk is online and one interval
/// has settled the birth burst, measures for `duration` seconds: the hub's message rate and
/// publish-to-registry latency (from its own /metrics), and CPU and peak RSS of hub and broker.
/// </summary>
public static class FleetBenchmark
{
    private const int OpenFiles = 65536;

    public static async Task<IReadOnlyList<BenchReport>> RunAsync(BenchArguments args, CancellationToken ct)
    {
        var settings = new FleetSettings(
            Kiosks: args.Int("kiosks", 5000),
            DurationSeconds: args.Int("duration", 120),
            IntervalSeconds: args.Int("interval", 10),
            RampPerSecond: args.Int("ramp", 200),
            Provinces: args.Text("provinces", "14,11,01,79,48"));
        var broker = args.Text("broker", "both");
        args.RejectUnknown();
        var brokers = broker switch
        {
            "both" => new[] { "embedded", "mosquitto" },
            "embedded" or "mosquitto" => [broker],
            _ => throw new ArgumentException("--broker must be embedded, mosquitto or both"),
        };

        var reports = new List<BenchReport>();
        foreach (var name in brokers)
        {
            reports.Add(await RunOneAsync(name, settings, ct));
        }

        return reports;
    }

    private sealed record FleetSettings(int Kiosks, int DurationSeconds, int IntervalSeconds, int RampPerSecond, string Provinces)
    {
        public IReadOnlyList<string> ProvinceList => Provinces.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        /// <summary>The ids tcd-fleet-sim gives its kiosks: provinces round-robin, communes from 00001 in each.</summary>
        public IEnumerable<string> KioskIds()
        {
            var provinces = ProvinceList;
            for (var i = 0; i < Kiosks; i++)
            {
                yield return KioskId.Create(provinces[i % provinces.Count], ((i / provinces.Count) + 1).ToString("D5", CultureInfo.InvariantCulture));
            }
        }
    }

    private static async Task<BenchReport> RunOneAsync(string broker, FleetSettings s, CancellationToken ct)
    {
        var report = new BenchReport("fleet-" + broker);
        report.Parameters["kiosks"] = s.Kiosks;
        report.Parameters["broker"] = broker;
        report.Parameters["durationSeconds"] = s.DurationSeconds;
        report.Parameters["intervalSeconds"] = s.IntervalSeconds;
        report.Parameters["provinces"] = s.Provinces;
        Console.WriteLine($"fleet/{broker}: starting with {s.Kiosks} kiosks");

        MosquittoDeployment? deployment = null;
        MosquittoProcess? mosquitto = null;
        HubProcess? hub = null;
        ChildProcess? simulator = null;
        try
        {
            int brokerPort;
            string secretFile;
            if (broker == "mosquitto")
            {
                var generate = Stopwatch.StartNew();
                deployment = await MosquittoDeployment.GenerateAsync([.. s.KioskIds()], ct);
                Console.WriteLine($"fleet/{broker}: mosquitto-config for {s.Kiosks} kiosks in {generate.Elapsed.TotalSeconds:0.0} s");
                mosquitto = await MosquittoProcess.StartGeneratedAsync(deployment.ConfigFolder, deployment.Port, OpenFiles, ct);
                hub = await HubProcess.StartAsync(new HubStartOptions
                {
                    ExternalBroker = true,
                    ExternalPort = deployment.Port,
                    ExternalUsername = deployment.HubUsername,
                    ExternalPassword = deployment.HubPassword,
                    FleetSecretFile = deployment.SecretFile,
                }, ct);
                brokerPort = deployment.Port;
                secretFile = deployment.SecretFile;
            }
            else
            {
                hub = await HubProcess.StartAsync(new HubStartOptions { OpenFilesLimit = OpenFiles }, ct);
                brokerPort = hub.MqttPort;
                secretFile = hub.Secret.FilePath;
            }

            var rampSeconds = (s.Kiosks / s.RampPerSecond) + 1;
            var connectTimeout = TimeSpan.FromSeconds(60 + (2 * rampSeconds));
            var safetyStop = (int)connectTimeout.TotalSeconds + (2 * s.IntervalSeconds) + s.DurationSeconds + 120;
            var simArgs = new[]
            {
                "--kiosks", Invariant(s.Kiosks), "--host", "127.0.0.1", "--port", Invariant(brokerPort),
                "--fleet-secret-file", secretFile, "--interval-seconds", Invariant(s.IntervalSeconds),
                "--ramp-per-second", Invariant(s.RampPerSecond), "--provinces", s.Provinces,
                "--duration-seconds", Invariant(safetyStop),
            };
            simulator = ChildProcess.Start("tcd-fleet-sim", "/bin/bash",
                ["-c", ChildProcess.RaiseOpenFilesThenExec(OpenFiles), ChildProcess.DotnetHost, BuiltPrograms.FleetSimulator, .. simArgs]);

            // Wait for every kiosk to be online; a hub that never gets there is a result too, so
            // after the timeout the measurement goes ahead and the report says how many were online.
            var connect = Stopwatch.StartNew();
            double online = 0;
            while (connect.Elapsed < connectTimeout)
            {
                if (simulator.HasExited)
                {
                    throw new InvalidOperationException($"tcd-fleet-sim exited with {simulator.ExitCode}.\n{simulator.Describe()}");
                }

                online = (await hub.GetMetricsAsync(ct)).Sum("tcd_hub_kiosks_online");
                Console.Write($"\rfleet/{broker}: {online:0}/{s.Kiosks} online after {connect.Elapsed.TotalSeconds:0} s   ");
                if (online >= s.Kiosks)
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }

            Console.WriteLine();
            var converged = online >= s.Kiosks;
            if (!converged)
            {
                Console.WriteLine($"fleet/{broker}: only {online:0}/{s.Kiosks} online after {connectTimeout.TotalSeconds:0} s; measuring anyway. Last simulator lines:");
                foreach (var line in simulator.Output.Lines.TakeLast(3))
                {
                    Console.WriteLine("  " + line);
                }
            }

            var allOnlineAfter = converged ? connect.Elapsed.TotalSeconds : double.NaN;
            // One more interval so the birth burst is over and every kiosk is on its NDATA rhythm.
            await Task.Delay(TimeSpan.FromSeconds(s.IntervalSeconds + 2), ct);
            Console.WriteLine($"fleet/{broker}: measuring for {s.DurationSeconds} s");

            var hubPid = hub.Process!.Pid;
            var metrics0 = await hub.GetMetricsAsync(ct);
            var hub0 = ProcessStats.Read(hubPid);
            var broker0 = mosquitto is null ? null : ProcessStats.Read(mosquitto.Process.Pid);
            var sim0 = ProcessStats.Read(simulator.Pid);
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(s.DurationSeconds), ct);
            var metrics1 = await hub.GetMetricsAsync(ct);
            var wall = clock.Elapsed;
            var hub1 = ProcessStats.Read(hubPid);
            var broker1 = mosquitto is null ? null : ProcessStats.Read(mosquitto.Process.Pid);
            var sim1 = ProcessStats.Read(simulator.Pid);

            double Delta(string name, Func<IReadOnlyDictionary<string, string>, bool>? filter = null) =>
                metrics1.Sum(name, filter) - metrics0.Sum(name, filter);
            const string Latency = "tcd_hub_ingest_latency_seconds";

            report.Add("setup", "all online after", allOnlineAfter, "s");
            report.Add("setup", "online when measuring began", metrics0.Sum("tcd_hub_kiosks_online"), "kiosks");
            report.Add("messages", "rate (all types)", Delta("tcd_hub_messages_total") / wall.TotalSeconds, "msg/s");
            report.Add("messages", "NDATA rate", Delta("tcd_hub_messages_total", l => l.GetValueOrDefault("type") == "NDATA") / wall.TotalSeconds, "msg/s");
            report.Add("messages", "expected NDATA rate", (double)s.Kiosks / s.IntervalSeconds, "msg/s");
            report.Add("messages", "dropped", Delta("tcd_hub_dropped_total"), "msgs");
            report.Add("messages", "rebirth requests", Delta("tcd_hub_rebirth_requests_total"), "msgs");
            foreach (var reason in metrics1.Samples.Where(x => x.Name == "tcd_hub_rebirth_requests_total").Select(x => x.Labels.GetValueOrDefault("reason", "")).Distinct())
            {
                report.Add("messages", $"  rebirths: {reason}", Delta("tcd_hub_rebirth_requests_total", l => l.GetValueOrDefault("reason") == reason), "msgs");
            }
            report.Add("messages", "online at end", metrics1.Sum("tcd_hub_kiosks_online"), "kiosks");
            // Quantiles are interpolated inside histogram buckets (as Prometheus does); below the first
            // bound they only say "under it", so the bound and the exact mean are printed too.
            const string Section = "latency publish -> registry";
            var firstBound = metrics1.Buckets(Latency).Keys.FirstOrDefault();
            report.Add(Section, "observations", Delta(Latency + "_count"), "msgs");
            report.Add(Section, "p50", 1000 * PrometheusText.QuantileOfDelta(metrics0, metrics1, Latency, 0.50), "ms");
            report.Add(Section, "p99", 1000 * PrometheusText.QuantileOfDelta(metrics0, metrics1, Latency, 0.99), "ms");
            report.Add(Section, "mean", 1000 * Delta(Latency + "_sum") / Math.Max(1, Delta(Latency + "_count")), "ms");
            report.Add(Section, "first bucket bound", 1000 * firstBound, "ms");
            report.Add("tcd-hub", "cpu (of one core)", ProcessStats.CpuPercent(hub0, hub1, wall), "%");
            report.Add("tcd-hub", "peak rss", hub1.PeakRssBytes / 1048576.0, "MiB");
            report.Add("tcd-hub", "rss", hub1.RssBytes / 1048576.0, "MiB");
            if (broker0 is not null && broker1 is not null)
            {
                report.Add("mosquitto", "cpu (of one core)", ProcessStats.CpuPercent(broker0, broker1, wall), "%");
                report.Add("mosquitto", "peak rss", broker1.PeakRssBytes / 1048576.0, "MiB");
            }

            report.Add("tcd-fleet-sim (load generator)", "cpu (of one core)", ProcessStats.CpuPercent(sim0, sim1, wall), "%");
            report.Add("tcd-fleet-sim (load generator)", "peak rss", sim1.PeakRssBytes / 1048576.0, "MiB");
            return report;
        }
        finally
        {
            if (simulator is not null)
            {
                await simulator.StopAsync(TimeSpan.FromSeconds(15));
                await simulator.DisposeAsync();
            }

            if (hub is not null)
            {
                await hub.StopAsync();
                await hub.DisposeAsync();
            }

            if (mosquitto is not null)
            {
                await mosquitto.DisposeAsync();
            }

            if (deployment is not null)
            {
                await deployment.DisposeAsync();
            }
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
