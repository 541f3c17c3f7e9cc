using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TiepCongDan.Edge.Health;
using TiepCongDan.Edge.SelfTest;
using TiepCongDan.Edge.Simulation;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.SelfTest;

/// <summary>
/// A simulated kiosk's self-test against <see cref="SelfTestHub"/>: the kiosk's real host
/// (AddTcdEdge, not started) with its credentials from the hub's fleet secret, and
/// <see cref="SelfTestSession"/> as `tcd-edge selftest` runs it.
/// </summary>
internal sealed class SelfTestEdgeKiosk : IDisposable
{
    public SelfTestEdgeKiosk(SelfTestHub hub, string kioskId)
    {
        KioskId = kioskId;
        DataDirectory = Path.Combine(Path.GetTempPath(), "tcd-edge-selftest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        File.WriteAllText(Path.Combine(DataDirectory, "mqtt-password"), hub.KioskPassword(kioskId) + "\n");
        File.WriteAllText(Path.Combine(DataDirectory, "srt-passphrase"), hub.SrtPassphrase(kioskId) + "\n");
        Args =
        [
            $"--Edge:KioskId={kioskId}",
            $"--Edge:DataDirectory={DataDirectory}",
            $"--Edge:Mqtt:Port={hub.MqttPort}",
            $"--Edge:Mqtt:PasswordFile={Path.Combine(DataDirectory, "mqtt-password")}",
            $"--Edge:Media:Srt:PassphraseFile={Path.Combine(DataDirectory, "srt-passphrase")}",
            $"--Edge:Media:Srt:Port={hub.SrtPort}",
            $"--Edge:Media:Upload:HubUrl=http://127.0.0.1:{hub.HttpPort}",
            "--Edge:Simulation:Enabled=true",
            $"--Edge:Simulation:Port={FreePort.Next()}",
            "--Edge:Screen:Enabled=true",
            $"--Edge:Screen:Port={FreePort.Next()}",
            "--Edge:Media:CaptureWidth=320", "--Edge:Media:CaptureHeight=180", "--Edge:Media:Fps=15",
            "--Edge:Media:Ladder=400k@640x360,300k@640x360",
        ];
    }

    public string KioskId { get; }

    public string DataDirectory { get; }

    public string[] Args { get; }

    public SimulatedDeviceFaults Faults => new(Path.Combine(DataDirectory, "simulated-devices.json"));

    public async Task<SelfTestRun> RunAsync(SelfTestSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = Args, ContentRootPath = DataDirectory });
        builder.AddTcdEdge();
        builder.Services.AddSingleton<IClockSyncProbe>(new Synced());
        var slot = new SimulatedCardSlot();
        slot.Insert(SimulatedCitizens.An.Card);
        builder.Services.AddSingleton(slot);
        using var host = builder.Build();
        await using var session = new SelfTestSession(host.Services, settings);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        return await session.RunAsync(timeout.Token);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder: best effort.
        }
    }

    private sealed class Synced : IClockSyncProbe
    {
        public bool IsSynchronized() => true;
    }
}
