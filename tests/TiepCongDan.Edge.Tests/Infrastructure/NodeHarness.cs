using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Edge.Devices.Simulated;
using TiepCongDan.Edge.Sparkplug;
using TiepCongDan.Edge.Store;

namespace TiepCongDan.Edge.Tests.Infrastructure;

/// <summary>One real EdgeNode wired to a test broker, with a temp data folder, running its connection loop.</summary>
internal sealed class NodeHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    public NodeHarness(int port, string kioskId = "14-04171", IOutboxStore? outbox = null, IBdSeqStore? bdSeq = null,
        TimeProvider? time = null, TimeSpan? reportInterval = null, string? primaryHostId = null, TimeSpan? reconnectMinDelay = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("tcd-edge-test-").FullName;
        Devices = new SimulatedDevicePortSet(Path.Combine(Directory, "simulated-devices.json"), NullLogger.Instance);
        Outbox = outbox ?? new InMemoryOutboxStore(100);
        Settings = new EdgeNodeSettings
        {
            KioskId = kioskId,
            Host = "127.0.0.1",
            Port = port,
            Password = "secret",
            ReconnectMinDelay = reconnectMinDelay ?? TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = (reconnectMinDelay ?? TimeSpan.FromMilliseconds(50)) * 4,
            ConnectionCheckInterval = TimeSpan.FromMilliseconds(200),
            ConnectTimeout = TimeSpan.FromSeconds(3),
            ReportInterval = reportInterval ?? TimeSpan.FromHours(1),
            PrimaryHostId = primaryHostId,
            ServiceVersion = "9.9.9",
        };
        Node = new EdgeNode(Settings, Sampler, Devices, Outbox, bdSeq ?? new InMemoryBdSeqStore(), Control,
            time ?? TimeProvider.System, NullLogger.Instance);
    }

    public string Directory { get; }

    public EdgeNodeSettings Settings { get; }

    public StepSampler Sampler { get; } = new();

    public SimulatedDevicePortSet Devices { get; }

    public IOutboxStore Outbox { get; }

    public RecordingNodeControl Control { get; } = new();

    public EdgeNode Node { get; }

    public string ControlFile => Path.Combine(Directory, "simulated-devices.json");

    public void Start() => _run = Task.Run(() => Node.RunAsync(_stop.Token));

    public async Task WaitOnlineAsync(int timeoutMs = 10000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!Node.IsOnline)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The node did not come online (NBIRTH) in time.");
            }

            await Task.Delay(20);
        }
    }

    public async Task WaitUntilAsync(Func<bool> condition, string what, int timeoutMs = 10000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for " + what);
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run;
        }

        await Node.DisposeAsync();
        _stop.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
