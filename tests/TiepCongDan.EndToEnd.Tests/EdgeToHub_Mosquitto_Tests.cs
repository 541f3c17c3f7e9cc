using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;
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

    [Fact]
    public async Task The_generated_ACL_stops_a_kiosk_publishing_as_another_kiosk()
    {
        const string Victim = "01-00005";
        const string Forger = "01-00006";
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = cts.Token;
        await using var config = await MosquittoDeployment.GenerateAsync([Victim, Forger], ct);
        await using var mosquitto = await MosquittoProcess.StartGeneratedAsync(config.ConfigFolder, config.Port, cancellationToken: ct);
        await using var hub = await HubProcess.StartAsync(new HubStartOptions
        {
            ExternalBroker = true,
            ExternalPort = mosquitto.Port,
            ExternalUsername = config.HubUsername,
            ExternalPassword = config.HubPassword,
            FleetSecretFile = config.SecretFile,
        }, ct);

        var (forger, result) = await SparkplugTestClient.ConnectAsync("127.0.0.1", mosquitto.Port, Forger, Forger, hub.Secret.PasswordFor(Forger), ct);
        await using (forger)
        {
            Assert.Equal(MQTTnet.MqttClientConnectResultCode.Success, result);
            var province = KioskId.ProvinceOf(Victim);
            await TryPublishAsync(forger, SparkplugTopic.Node(province, SparkplugMessageType.NBIRTH, Victim), Birth("forged"), ct);
            // Then a birth under its own id on the same connection: once that one arrives, the forged one had its chance.
            await forger.PublishAsync(SparkplugTopic.Node(province, SparkplugMessageType.NBIRTH, Forger), Birth("honest"), ct);
        }

        var honest = await hub.WaitForDeviceAsync(Forger, d => d.MetricText(NodeMetrics.ServiceVersion) == "honest", TimeSpan.FromSeconds(20),
            "the forger's own birth", mosquitto.Describe, ct);
        Assert.NotNull(honest);
        var victim = await hub.GetDeviceAsync(Victim, ct);
        Assert.True(victim is null || victim.MetricText(NodeMetrics.ServiceVersion) != "forged", $"Mosquitto let a forged birth through: {victim}");
    }

    private static async Task TryPublishAsync(SparkplugTestClient client, string topic, Payload payload, CancellationToken ct)
    {
        try
        {
            await client.PublishAsync(topic, payload, ct);
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            // Mosquitto may close the connection on a denied publish; that is a refusal too.
        }
    }

    private static Payload Birth(string version)
    {
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var birth = new Payload { Timestamp = now, Seq = 0 };
        birth.Metrics.Add(MetricFactory.Create(NodeMetrics.BdSeq, 0, SparkplugValue.OfUInt64(0), now));
        birth.Metrics.Add(MetricFactory.Create(NodeMetrics.ServiceVersion, 0, SparkplugValue.Of(version), now));
        return birth;
    }
}
