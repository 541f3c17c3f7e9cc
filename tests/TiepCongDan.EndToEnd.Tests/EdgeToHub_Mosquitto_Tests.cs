using TiepCongDan.EndToEnd.Tests.Fixtures;
using TiepCongDan.EndToEnd.Tests.Scenarios;

namespace TiepCongDan.EndToEnd.Tests;

/// <summary>
/// The same kiosk and hub, but with Debian's Mosquitto as the broker (hub in External mode), its
/// password file and ACL written by `tcd-hub mosquitto-config`, as a technician would deploy it.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class EdgeToHub_Mosquitto_Tests
{
    private const string Kiosk = "01-00004";

    [Fact]
    public async Task Birth_data_and_command_round_trip_over_mosquitto()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        await using var config = await MosquittoDeployment.GenerateAsync([Kiosk], ct);
        await using var mosquitto = await MosquittoProcess.StartGeneratedAsync(config.ConfigFolder, config.Port, cancellationToken: ct);
        await using var hub = await HubProcess.StartAsync(new HubStartOptions
        {
            ExternalBroker = true,
            ExternalPort = mosquitto.Port,
            ExternalUsername = config.HubUsername,
            ExternalPassword = config.HubPassword,
            FleetSecretFile = config.SecretFile,
        }, ct);
        await using var edge = new EdgeProcess(Kiosk, "127.0.0.1", mosquitto.Port, hub.Secret.PasswordFor(Kiosk));
        edge.StartProcess();

        await EdgeToHubScenario.RunAsync(hub, edge, () => edge.Describe() + "\n" + mosquitto.Describe(), ct);
    }
}
