using System.Globalization;
using TiepCongDan.CardSim.Vpcd;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// A tcd-edge running the whole reception session as on a kiosk: simulated buttons, camera and
/// microphone, media streamed to the hub's SRT ingest and uploaded to its archive, the kiosk page
/// and the simulation console on free loopback ports, the voice off (the screen says everything),
/// and either the private pcscd's virtual reader or the console's simulated card. Its own process
/// with its own data folder; <see cref="StartProcess"/> after a kill is the same kiosk restarting.
/// </summary>
public sealed class ReceptionKiosk : IAsyncDisposable
{
    private readonly HubProcess _hub;
    private readonly ReceptionKioskSettings _settings;
    private readonly TempDirectory _directory;

    private ReceptionKiosk(string kioskId, HubProcess hub, ReceptionKioskSettings settings)
    {
        KioskId = kioskId;
        _hub = hub;
        _settings = settings;
        _directory = new TempDirectory("reception-" + kioskId);
        ScreenPort = FreePort.Next();
        SimPort = FreePort.Next();
        Sim = new SimConsoleClient(SimPort, Describe);
    }

    public string KioskId { get; }

    public string DataDirectory => _directory.Path;

    public int ScreenPort { get; }

    public int SimPort { get; }

    /// <summary>The kiosk page the kiosk's browser shows.</summary>
    public Uri ScreenAddress => new($"http://127.0.0.1:{ScreenPort}/");

    public SimConsoleClient Sim { get; }

    public string Staff => _settings.Staff;

    public ChildProcess? Process { get; private set; }

    /// <summary>Every process this kiosk has run, so a failure message shows the life before a kill too.</summary>
    public List<ChildProcess> History { get; } = [];

    public static ReceptionKiosk Start(string kioskId, HubProcess hub, ReceptionKioskSettings settings)
    {
        var kiosk = new ReceptionKiosk(kioskId, hub, settings);
        kiosk.StartProcess();
        return kiosk;
    }

    public IReadOnlyList<string> Arguments()
    {
        var card = _settings.PcscdSocket is not null;
        return
        [
            $"--Edge:KioskId={KioskId}",
            $"--Edge:DataDirectory={DataDirectory}",
            "--Edge:Mqtt:Host=127.0.0.1",
            string.Create(CultureInfo.InvariantCulture, $"--Edge:Mqtt:Port={_hub.MqttPort}"),
            $"--Edge:Mqtt:Password={_hub.Secret.PasswordFor(KioskId)}",
            "--Edge:Mqtt:KeepAliveSeconds=5",
            "--Edge:Health:SampleIntervalSeconds=1",
            .. MediaKiosk.Arguments(_hub, KioskId, _hub.SrtPort),
            "--Edge:Reception:Enabled=true",
            $"--Edge:Reception:Staff={_settings.Staff}",
            "--Edge:Simulation:Enabled=true",
            string.Create(CultureInfo.InvariantCulture, $"--Edge:Simulation:Port={SimPort}"),
            $"--Edge:Screen:Enabled={_settings.Screen}",
            string.Create(CultureInfo.InvariantCulture, $"--Edge:Screen:Port={ScreenPort}"),
            "--Edge:Voice:Enabled=false",
            $"--Edge:Card:Enabled={card}",
            .. card ? CardArguments() : Array.Empty<string>(),
            .. _settings.ExtraArguments,
        ];
    }

    public void StartProcess()
    {
        if (Process is { HasExited: false })
        {
            throw new InvalidOperationException($"tcd-edge {KioskId} is already running.");
        }

        var environment = _settings.PcscdSocket is { } socket
            ? new Dictionary<string, string> { [PcscdDaemon.SocketVariable] = socket }
            : null;
        Process = ChildProcess.StartDotnet($"tcd-edge {KioskId} #{History.Count + 1}", BuiltPrograms.Edge, Arguments(), environment);
        History.Add(Process);
    }

    /// <summary>
    /// Waits until the kiosk is online at the hub and its console says Idle (each for up to
    /// <paramref name="timeout"/>); fails at once with the
    /// edge's output if the process exits meanwhile (a configuration error at start).
    /// </summary>
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await Poll.UntilAsync(
            async ct =>
            {
                ThrowIfExited("coming online");
                return await _hub.GetDeviceAsync(KioskId, ct) is { Online: true };
            },
            timeout, $"kiosk {KioskId} online at the hub", Describe, TimeSpan.FromMilliseconds(200), cancellationToken);
        await Poll.UntilAsync(
            async ct =>
            {
                ThrowIfExited("its console to say Idle");
                return await Sim.StateAsync(ct);
            },
            s => s.State == "Idle", timeout, $"kiosk {KioskId} Idle (GET /sim/state)", Describe, TimeSpan.FromMilliseconds(200), cancellationToken);
    }

    /// <summary>SIGKILL: a crash or a power cut in the middle of whatever the kiosk was doing.</summary>
    public async Task KillAsync()
    {
        if (Process is not null)
        {
            await Process.KillAndWaitAsync();
        }
    }

    /// <summary>The last output lines of every life of this kiosk.</summary>
    public string Describe() => string.Join('\n', History.Select(p => p.Describe()));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in History)
        {
            await process.DisposeAsync();
        }

        Sim.Dispose();
        _directory.Dispose();
    }

    private string[] CardArguments() =>
    [
        $"--Edge:Card:ReaderName={_settings.ReaderName}",
        $"--Edge:Card:CscaDirectory={_settings.CscaDirectory}",
        "--Edge:Card:ReadFaceImage=false",
    ];

    private void ThrowIfExited(string waitingFor)
    {
        if (Process is { HasExited: true } exited)
        {
            throw new InvalidOperationException($"tcd-edge {KioskId} exited with code {exited.ExitCode} while waiting for {waitingFor}.\n{Describe()}");
        }
    }
}
