using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests;

public sealed class ImpersonationTests
{
    [Fact]
    public async Task A_kiosk_publishing_as_another_is_refused_logged_and_counted_while_others_are_unaffected()
    {
        await using var hub = await TestHub.StartAsync();
        await using var honest = await TestKiosk.ConnectAsync(hub, "14-04172", bdSeq: 1);
        await honest.BirthAsync(cpuLoad: 0.2);
        await Eventually.True(() => hub.Registry.Get("14-04172")?.Online == true, "honest kiosk online");

        await using var rogue = await TestKiosk.ConnectAsync(hub, "14-04171", bdSeq: 1);
        var result = await rogue.PublishAsync(SparkplugTopic.Node("14", SparkplugMessageType.NBIRTH, "14-04172"),
            Payloads.NodeBirth("14-04172", 99, cpuLoad: 0.99));

        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        Assert.Equal(1, hub.Metrics.RefusedPublishes.Get("not-own-node"));
        Assert.True(hub.Logs.Contains("kiosk 14-04171 tried to publish as 14-04172: refused"), string.Join('\n', hub.Logs.Lines));

        // Its own node under another province's group is refused too.
        var wrongGroup = await rogue.PublishAsync(SparkplugTopic.Node("15", SparkplugMessageType.NDATA, "14-04171"), Payloads.CpuData(1, 0.5));
        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.NotAuthorized, wrongGroup.ReasonCode);

        // Nor may it listen to another kiosk's commands, or speak as the primary host.
        Assert.Equal(MQTTnet.MqttClientSubscribeResultCode.NotAuthorized,
            await rogue.SubscribeAsync(SparkplugTopic.Node("14", SparkplugMessageType.NCMD, "14-04172")));
        Assert.Equal(MQTTnet.MqttClientSubscribeResultCode.NotAuthorized, await rogue.SubscribeAsync("spBv1.0/#"));
        var state = await rogue.PublishAsync(SparkplugTopic.StateTopic("tcd-hub"), "{\"online\":false,\"timestamp\":1}"u8.ToArray(), retain: true);
        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.NotAuthorized, state.ReasonCode);

        // The honest kiosk is untouched and keeps working.
        await honest.CpuDataAsync(0.3);
        await Eventually.True(() => hub.Registry.Get("14-04172")?.Metrics[Contracts.Fleet.NodeMetrics.CpuLoad] is 0.3, "honest data");
        Assert.Equal(1, hub.Registry.Get("14-04172")!.BdSeq);
        Assert.True(rogue.Client.IsConnected);
    }

    [Fact]
    public async Task A_Will_aimed_at_another_kiosk_is_refused_when_the_broker_sends_it()
    {
        await using var hub = await TestHub.StartAsync();
        await using var victim = await TestKiosk.ConnectAsync(hub, "14-04176", bdSeq: 2);
        await victim.BirthAsync();
        await Eventually.True(() => hub.Registry.Get("14-04176")?.Online == true, "victim online");

        var client = new MQTTnet.MqttClientFactory().CreateMqttClient();
        var options = TestKiosk.Options(hub.MqttPort, "14-04175", "14-04175", hub.KioskPassword("14-04175"), bdSeq: 2, willNodeId: "14-04176").Build();
        await client.ConnectAsync(options);
        await hub.Get<MQTTnet.Server.MqttServer>().DisconnectClientAsync("14-04175", new MQTTnet.Server.MqttServerClientDisconnectOptions());
        client.Dispose();

        await Eventually.True(() => hub.Metrics.RefusedPublishes.Get("not-own-node") == 1, "forged Will refused");
        Assert.True(hub.Registry.Get("14-04176")!.Online);
    }
}
