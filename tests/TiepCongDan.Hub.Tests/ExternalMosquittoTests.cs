using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using MQTTnet;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests;

/// <summary>External mode against Debian's Mosquitto, configured only by `tcd-hub mosquitto-config`.</summary>
public sealed class ExternalMosquittoTests
{
    [Fact]
    public async Task The_generated_Mosquitto_config_admits_kiosks_by_derived_password_and_keeps_each_to_its_own_node()
    {
        await using var mosquitto = await GeneratedMosquitto.StartAsync("14-04171,14-04172");
        await using var hub = await mosquitto.StartHubAsync();

        await using var kiosk = await TestKiosk.ConnectAsync(mosquitto.Port, "14-04171", hub.KioskPassword("14-04171"), bdSeq: 2);
        await kiosk.BirthAsync();
        await Eventually.True(() => hub.Registry.Get("14-04171")?.Online == true, "birth through Mosquitto");

        // Mosquitto's ACL silently drops a publish as another kiosk; the hub never sees it.
        await kiosk.PublishAsync(SparkplugTopic.Node("14", SparkplugMessageType.NBIRTH, "14-04172"), Payloads.NodeBirth("14-04172", 1));
        var response = await hub.Http.PostAsync("/api/devices/14-04171/commands",
            new StringContent("{\"command\":\"ping\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        await kiosk.WaitForCommandAsync(NodeMetrics.Ping);
        Assert.Null(hub.Registry.Get("14-04172"));

        await kiosk.DropWithWillAsync();
        await Eventually.True(() => hub.Registry.Get("14-04171")?.Online == false, "NDEATH Will through Mosquitto");
    }

    [Fact]
    public async Task After_losing_an_external_broker_the_hub_asks_every_kiosk_it_thinks_online_for_a_rebirth()
    {
        await using var mosquitto = await GeneratedMosquitto.StartAsync("14-04171");
        await using var hub = await mosquitto.StartHubAsync();
        await using var kiosk = await TestKiosk.ConnectAsync(mosquitto.Port, "14-04171", hub.KioskPassword("14-04171"), bdSeq: 1);
        await kiosk.BirthAsync();
        await Eventually.True(() => hub.Registry.Get("14-04171")?.Online == true, "birth through Mosquitto");

        // Take over the hub's session on Mosquitto: the broker drops the hub's client, which may now
        // have missed births, so once back it must ask the kiosk it believes online to rebirth.
        var hubClientId = hub.Get<HubCredential>().ClientId;
        using (var usurper = new MqttClientFactory().CreateMqttClient())
        {
            await usurper.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", mosquitto.Port)
                .WithClientId(hubClientId).WithCredentials("tcd-hub", mosquitto.HubPassword).Build());
            await usurper.DisconnectAsync();
        }

        await kiosk.WaitForCommandAsync(NodeMetrics.Rebirth, 20_000);
        Assert.Equal(1, hub.Metrics.RebirthRequests.Get("host-reconnect"));
    }
}
