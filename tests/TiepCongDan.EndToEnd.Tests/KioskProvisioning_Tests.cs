using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests;

/// <summary>
/// The technician's path for a new kiosk: `tcd-hub kiosk password ID` prints the password, it goes
/// into the kiosk's configuration, and the kiosk comes online with it.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class KioskProvisioning_Tests
{
    private const string Kiosk = "26-08998";

    [Fact]
    public async Task The_password_printed_by_tcd_hub_kiosk_password_lets_the_kiosk_online()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = cts.Token;
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);

        await using var cli = ChildProcess.StartDotnet("tcd-hub kiosk password", BuiltPrograms.Hub,
            ["kiosk", "password", Kiosk, "--data-dir", hub.DataDirectory]);
        Assert.True(await cli.WaitForExitAsync(TimeSpan.FromSeconds(20), ct) && cli.ExitCode == 0, cli.Describe());
        var printed = cli.Output.Lines.Single(l => !l.StartsWith("[stderr]", StringComparison.Ordinal) && l.Trim().Length > 0).Trim();
        Assert.Equal(hub.Secret.PasswordFor(Kiosk), printed);

        await using var edge = new EdgeProcess(Kiosk, "127.0.0.1", hub.MqttPort, printed);
        edge.StartProcess();
        var online = await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(45), "online with the printed password", ct);
        Assert.Equal("26", online!.Province);
    }
}
