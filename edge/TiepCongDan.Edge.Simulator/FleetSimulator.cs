using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Devices.Simulated;
using TiepCongDan.Edge.Sparkplug;
using TiepCongDan.Edge.Store;

namespace TiepCongDan.Edge.Simulator;

/// <summary>
/// Runs N kiosks in one process. Each kiosk has its own MQTT connection and EdgeNode (the real
/// code); sampling is driven by one shared scheduler that spreads the kiosks evenly over the
/// interval, so 5000 kiosks cost one timer, not 5000.
/// </summary>
internal sealed partial class FleetSimulator(SimulatorOptions options, ILoggerFactory loggerFactory, TimeProvider time)
{
    private static readonly TimeSpan SchedulerTick = TimeSpan.FromMilliseconds(50);
    private readonly ILogger _logger = loggerFactory.CreateLogger("tcd-fleet-sim");

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var secret = options.FleetSecretFile is { } file ? await File.ReadAllBytesAsync(file, cancellationToken) : null;
        if (secret is { Length: < 32 })
        {
            Console.Error.WriteLine($"sim: error: {options.FleetSecretFile} holds {secret.Length} bytes; the fleet secret must be at least 32 bytes.");
            return 2;
        }

        var nodeLogger = loggerFactory.CreateLogger(typeof(EdgeNode).FullName!);
        var interval = TimeSpan.FromSeconds(options.IntervalSeconds);
        var kiosks = new SimulatedKiosk[options.Kiosks];
        for (var i = 0; i < kiosks.Length; i++)
        {
            var id = options.KioskIdOf(i);
            var settings = new EdgeNodeSettings
            {
                KioskId = id,
                Host = options.Host,
                Port = options.Port,
                Password = secret is not null ? DeviceCredentials.DerivePassword(secret, id) : options.Password!,
                KeepAlive = TimeSpan.FromSeconds(options.KeepAliveSeconds),
                ConnectionCheckInterval = interval < TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(10) : interval,
                ReportInterval = interval * 6,
                ReconnectMinDelay = TimeSpan.FromSeconds(1),
                ReconnectMaxDelay = TimeSpan.FromSeconds(30),
                PrimaryHostId = options.PrimaryHostId,
                ServiceVersion = Hosting.ServiceVersion.Current,
            };
            kiosks[i] = new SimulatedKiosk(new EdgeNode(
                settings,
                new SimulatedHealthSampler(i, time),
                new SimulatedDevicePortSet(null, nodeLogger),
                new InMemoryOutboxStore(1000),
                new InMemoryBdSeqStore(),
                NoOpNodeControl.Instance,
                time,
                nodeLogger));
        }

        Console.WriteLine($"sim: starting {kiosks.Length} kiosks ({kiosks[0].Node.KioskId} .. {kiosks[^1].Node.KioskId}) against {options.Host}:{options.Port}, one NDATA per {options.IntervalSeconds} s, ramp {options.RampPerSecond}/s");
        var started = Stopwatch.StartNew();
        var scheduler = Task.Run(() => ScheduleSamplesAsync(kiosks, interval, cancellationToken), CancellationToken.None);
        var status = Task.Run(() => ReportStatusAsync(kiosks, started, cancellationToken), CancellationToken.None);
        await RampAsync(kiosks, cancellationToken);

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or duration reached
        }

        Console.WriteLine("sim: stopping (each kiosk publishes its NDEATH)");
        await Task.WhenAll(kiosks.Where(k => k.Connection is not null).Select(k => k.Connection!));
        await Task.WhenAll(scheduler, status);
        PrintStatus(kiosks, started);
        foreach (var kiosk in kiosks)
        {
            await kiosk.Node.DisposeAsync();
        }

        return 0;
    }

    private async Task RampAsync(SimulatedKiosk[] kiosks, CancellationToken cancellationToken)
    {
        // Spread the connects over each second instead of bursts of RampPerSecond.
        var gap = TimeSpan.FromSeconds(1.0 / options.RampPerSecond);
        var begin = time.GetTimestamp();
        for (var i = 0; i < kiosks.Length && !cancellationToken.IsCancellationRequested; i++)
        {
            var node = kiosks[i].Node;
            kiosks[i].Connection = Task.Run(() => node.RunAsync(cancellationToken), CancellationToken.None);
            var due = gap * (i + 1);
            var wait = due - time.GetElapsedTime(begin);
            if (wait > TimeSpan.FromMilliseconds(15))
            {
                try
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ScheduleSamplesAsync(SimulatedKiosk[] kiosks, TimeSpan interval, CancellationToken cancellationToken)
    {
        // Sample number s belongs to kiosk s % N and is due at round (s / N) plus the kiosk's phase.
        var n = kiosks.Length;
        var begin = time.GetTimestamp();
        long next = 0;
        using var timer = new PeriodicTimer(SchedulerTick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var elapsed = time.GetElapsedTime(begin);
                while (true)
                {
                    var round = next / n;
                    var index = (int)(next % n);
                    var due = (interval * round) + (interval * index / n);
                    if (due > elapsed)
                    {
                        break;
                    }

                    kiosks[index].TriggerSample(cancellationToken);
                    next++;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private async Task ReportStatusAsync(SimulatedKiosk[] kiosks, Stopwatch started, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.StatusSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                PrintStatus(kiosks, started);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private long _lastPublished;
    private TimeSpan _lastStatusAt;

    private void PrintStatus(SimulatedKiosk[] kiosks, Stopwatch started)
    {
        var connected = 0;
        var online = 0;
        long published = 0;
        foreach (var kiosk in kiosks)
        {
            connected += kiosk.Node.IsConnected ? 1 : 0;
            online += kiosk.Node.IsOnline ? 1 : 0;
            published += kiosk.Node.MessagesPublished;
        }

        var now = started.Elapsed;
        var seconds = (now - _lastStatusAt).TotalSeconds;
        var rate = seconds > 0 ? (published - _lastPublished) / seconds : 0;
        _lastPublished = published;
        _lastStatusAt = now;
        var memoryMb = Environment.WorkingSet / (1024.0 * 1024.0);
        var heapMb = GC.GetTotalMemory(false) / (1024.0 * 1024.0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sim: t={now.TotalSeconds:F0}s kiosks={kiosks.Length} connected={connected} online={online} sent={published} rate={rate:F1}/s rss={memoryMb:F0}MB heap={heapMb:F0}MB"));
        Log.Status(_logger, connected, kiosks.Length, published);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5000, Level = LogLevel.Debug, Message = "{Connected}/{Kiosks} connected, {Published} messages sent")]
        public static partial void Status(ILogger logger, int connected, int kiosks, long published);
    }
}
