using MQTTnet;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests;

/// <summary>
/// Who may speak for a kiosk: a wrong password is refused without kicking the real kiosk off,
/// another kiosk's credentials cannot publish under its id, and garbage is dropped harmlessly.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class Impersonation_Tests(HubWithOneKiosk fleet) : IClassFixture<HubWithOneKiosk>
{
    private const string Kiosk = HubWithOneKiosk.Kiosk;

    [Fact]
    public async Task A_client_with_the_kiosk_id_and_a_wrong_password_is_refused_and_the_kiosk_stays_online()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        var hub = fleet.Hub;
        var before = await hub.GetDeviceAsync(Kiosk, cts.Token);

        // Same client id as the real kiosk: were it accepted, the broker would take over the session.
        var (intruder, result) = await SparkplugTestClient.ConnectAsync("127.0.0.1", hub.MqttPort, Kiosk, Kiosk, "not-the-password", cts.Token);
        await using (intruder)
        {
            Assert.NotEqual(MqttClientConnectResultCode.Success, result);
            Assert.False(intruder.IsConnected);
        }

        // The real kiosk keeps its session: still online, same bdSeq, and its data still arrives.
        var lastSeen = before!.LastSeen;
        var after = await hub.WaitForDeviceAsync(Kiosk, d => d.LastSeen > lastSeen, TimeSpan.FromSeconds(15),
            "data from the real kiosk after the refused intruder", fleet.Edge.Describe, cts.Token);
        Assert.True(after!.Online, $"the refused intruder turned the kiosk offline: {after}");
        Assert.Equal(before.BdSeq, after.BdSeq);
        Assert.False(fleet.Edge.Process!.HasExited, fleet.Edge.Describe());
    }

    [Fact]
    public async Task A_kiosk_publishing_under_another_kiosk_id_is_refused_and_counted()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        var hub = fleet.Hub;
        const string Other = "79-26735";
        var refusedBefore = (await hub.GetMetricsAsync(cts.Token)).Sum("tcd_hub_refused_publishes_total");

        var (client, result) = await SparkplugTestClient.ConnectAsync("127.0.0.1", hub.MqttPort, Other, Other, hub.Secret.PasswordFor(Other), cts.Token);
        await using (client)
        {
            Assert.Equal(MqttClientConnectResultCode.Success, result);
            var birth = new Payload { Timestamp = Now(), Seq = 0 };
            birth.Metrics.Add(MetricFactory.Create(NodeMetrics.BdSeq, 0, SparkplugValue.OfUInt64(0), Now()));
            birth.Metrics.Add(MetricFactory.Create(NodeMetrics.ServiceVersion, 0, SparkplugValue.Of("forged"), Now()));
            try
            {
                await client.PublishAsync(SparkplugTopic.Node(KioskId.ProvinceOf(Kiosk), SparkplugMessageType.NBIRTH, Kiosk), birth, cts.Token);
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // A broker may answer a forbidden publish by closing the connection; that is a refusal too.
            }
        }

        await Poll.UntilAsync(
            async c => (await hub.GetMetricsAsync(c)).Sum("tcd_hub_refused_publishes_total") > refusedBefore,
            TimeSpan.FromSeconds(10), "the forged publish to be counted as refused", hub.Describe, cancellationToken: cts.Token);
        var victim = await hub.GetDeviceAsync(Kiosk, cts.Token);
        Assert.NotEqual("forged", victim!.MetricText(NodeMetrics.ServiceVersion));
        Assert.True(victim.Online);
    }

    [Fact]
    public async Task Garbage_protobuf_unknown_topics_and_oversized_payloads_are_counted_and_dropped_without_harming_other_kiosks()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        var hub = fleet.Hub;
        const string Noisy = "79-26736";
        var droppedBefore = (await hub.GetMetricsAsync(cts.Token)).Sum("tcd_hub_dropped_total");
        var refusedBefore = (await hub.GetMetricsAsync(cts.Token)).Sum("tcd_hub_refused_publishes_total");

        var (client, result) = await SparkplugTestClient.ConnectAsync("127.0.0.1", hub.MqttPort, Noisy, Noisy, hub.Secret.PasswordFor(Noisy), cts.Token);
        await using (client)
        {
            Assert.Equal(MqttClientConnectResultCode.Success, result);
            var province = KioskId.ProvinceOf(Noisy);
            await TryPublishAsync(client, SparkplugTopic.Node(province, SparkplugMessageType.NDATA, Noisy), [0xFF, 0xFF, 0xFF, 0x07, 0x01], cts.Token);
            await TryPublishAsync(client, $"spBv1.0/{province}/NOPE/{Noisy}", [1, 2, 3], cts.Token);
            await TryPublishAsync(client, SparkplugTopic.Node(province, SparkplugMessageType.NDATA, Noisy), new byte[256 * 1024], cts.Token);
        }

        await Poll.UntilAsync(
            async c =>
            {
                var metrics = await hub.GetMetricsAsync(c);
                return metrics.Sum("tcd_hub_dropped_total") + metrics.Sum("tcd_hub_refused_publishes_total") >= droppedBefore + refusedBefore + 3;
            },
            TimeSpan.FromSeconds(10), "the garbage, the unknown topic and the oversized payload to be counted as dropped or refused", hub.Describe, cancellationToken: cts.Token);

        var lastSeen = (await hub.GetDeviceAsync(Kiosk, cts.Token))!.LastSeen;
        var healthy = await hub.WaitForDeviceAsync(Kiosk, d => d.LastSeen > lastSeen, TimeSpan.FromSeconds(15),
            "the real kiosk's data to keep arriving", fleet.Edge.Describe, cts.Token);
        Assert.True(healthy!.Online);
        Assert.False(hub.Process!.HasExited, hub.Describe());
    }

    private static async Task TryPublishAsync(SparkplugTestClient client, string topic, byte[] payload, CancellationToken ct)
    {
        try
        {
            await client.PublishAsync(topic, payload, ct);
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
        }
    }

    private static ulong Now() => (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
