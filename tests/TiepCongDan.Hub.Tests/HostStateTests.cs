using System.Buffers;
using System.Text.Json;
using MQTTnet.Server;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests;

public sealed class HostStateTests
{
    private static HostState? State((string Topic, byte[] Payload, bool Retain) message) =>
        message.Topic == SparkplugTopic.StateTopic("tcd-hub") ? JsonSerializer.Deserialize<HostState>(message.Payload) : null;

    [Fact]
    public async Task STATE_is_retained_online_its_Will_says_offline_and_a_reconnect_loses_no_kiosk_message()
    {
        await using var hub = await TestHub.StartAsync();
        await using var kiosk = await TestKiosk.ConnectAsync(hub, "14-04171", bdSeq: 1);
        Assert.Equal(MQTTnet.MqttClientSubscribeResultCode.GrantedQoS1, await kiosk.SubscribeAsync("spBv1.0/STATE/#"));
        await Eventually.True(() => kiosk.Received.Any(m => m.Retain && State(m)?.Online == true), "retained STATE online");
        var online = State(kiosk.Received.First(m => State(m) is not null))!;
        Assert.InRange(online.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        await kiosk.BirthAsync();
        await Eventually.True(() => hub.Registry.Get("14-04171")?.Online == true, "kiosk online");

        // Cut the primary host's connection from the broker side: its Will must announce offline.
        var server = hub.Get<MqttServer>();
        await server.DisconnectClientAsync(hub.Get<HubCredential>().ClientId, new MqttServerClientDisconnectOptions());
        await Eventually.True(() => kiosk.Received.Any(m => State(m) is { Online: false } s && s.Timestamp == online.Timestamp), "STATE offline from the Will");

        // While the host's client is away, the embedded broker still hands kiosk messages to the ingest.
        await kiosk.CpuDataAsync(0.77);
        await Eventually.True(() => hub.Registry.Get("14-04171")?.Metrics.GetValueOrDefault(NodeMetrics.CpuLoad) is 0.77, "data read while the host client was away");

        // It reconnects by itself and says online again; nothing was missed, so no kiosk is asked to rebirth.
        await Eventually.True(() => kiosk.Received.Count(m => State(m)?.Online == true) >= 2, "STATE online again", 20_000);
        Assert.Equal(0, hub.Metrics.RebirthRequests.Get("host-reconnect"));
        Assert.Equal(0, hub.Metrics.RebirthRequests.Get("seq-gap"));

        var retained = await server.GetRetainedMessageAsync(SparkplugTopic.StateTopic("tcd-hub"));
        Assert.True(JsonSerializer.Deserialize<HostState>(retained.Payload.ToArray())!.Online);
    }
}
