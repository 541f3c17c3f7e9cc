using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Edge.Health;
using TiepCongDan.Edge.SelfTest;
using TiepCongDan.Edge.Service;
using TiepCongDan.Edge.Simulation;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.SelfTest;

/// <summary>
/// A simulated kiosk for `tcd-edge selftest`, run in-process through <see cref="SelfTestCommand.RunAsync(string[], TextWriter, TextWriter, Action{IServiceCollection}?, ISelfTestPrompter?, CancellationToken)"/>:
/// its own data directory, free ports for the page and the simulation console, a hub address and SRT
/// port where nothing listens (the hub is absent here; the hub's tests cover the link).
/// </summary>
internal sealed class SelfTestKiosk : IDisposable
{
    public const string KioskId = "14-04171";

    public SelfTestKiosk()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "tcd-selftest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        File.WriteAllText(Path.Combine(DataDirectory, "mqtt-password"), "kiosk-password-for-tests\n");
        File.WriteAllText(Path.Combine(DataDirectory, "srt-passphrase"), "srt-passphrase-for-tests\n");
        SimulationPort = FreePort.Next();
        ScreenPort = FreePort.Next();
    }

    public string DataDirectory { get; }

    public int SimulationPort { get; }

    public int ScreenPort { get; }

    public SimulatedDeviceFaults Faults => new(Path.Combine(DataDirectory, "simulated-devices.json"));

    public string[] Args(params string[] extra) =>
    [
        "selftest", "--json",
        $"--Edge:KioskId={KioskId}",
        $"--Edge:DataDirectory={DataDirectory}",
        $"--Edge:Mqtt:PasswordFile={Path.Combine(DataDirectory, "mqtt-password")}",
        $"--Edge:Media:Srt:PassphraseFile={Path.Combine(DataDirectory, "srt-passphrase")}",
        $"--Edge:Media:Srt:Port={FreePort.Next()}",
        $"--Edge:Media:Upload:HubUrl=http://127.0.0.1:{FreePort.Next()}",
        "--Edge:Simulation:Enabled=true",
        $"--Edge:Simulation:Port={SimulationPort}",
        "--Edge:Screen:Enabled=true",
        $"--Edge:Screen:Port={ScreenPort}",
        "--Edge:Media:CaptureWidth=320", "--Edge:Media:CaptureHeight=180", "--Edge:Media:Fps=15",
        .. extra,
    ];

    /// <summary>Runs the command; the clock probe says synchronised unless told, and a made-up card lies on the simulated reader when <paramref name="card"/>.</summary>
    public async Task<SelfTestResult> RunAsync(string[] args, bool card = true, ISelfTestPrompter? prompter = null, IClockSyncProbe? clock = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var exit = await SelfTestCommand.RunAsync(args, output, error, services =>
        {
            services.AddSingleton(clock ?? new SyncedClockProbe());
            if (card)
            {
                var slot = new SimulatedCardSlot();
                slot.Insert(SimulatedCitizens.An.Card);
                services.AddSingleton(slot);
            }
        }, prompter, timeout.Token);
        var text = output.ToString();
        SelfTestReport? report = null;
        if (text.TrimStart().StartsWith('{'))
        {
            report = JsonSerializer.Deserialize<SelfTestReport>(text, SelfTestJson.Options);
        }

        return new SelfTestResult(exit, report, text, error.ToString());
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
}
