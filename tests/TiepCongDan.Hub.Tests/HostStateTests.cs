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
    public async Task STATE_is_retained_online_its_Will_says_offline_and_a_reconnect_asks_online_kiosks_to_rebirth()
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

        // It reconnects by itself, says online again, and asks the kiosk for a birth it may have missed.
        await Eventually.True(() => kiosk.Received.Count(m => State(m)?.Online == true) >= 2, "STATE online again", 20_000);
        await kiosk.WaitForCommandAsync(NodeMetrics.Rebirth, 20_000);
        Assert.Equal(1, hub.Metrics.RebirthRequests.Get("host-reconnect"));

        var retained = await server.GetRetainedMessageAsync(SparkplugTopic.StateTopic("tcd-hub"));
        Assert.True(JsonSerializer.Deserialize<HostState>(retained.Payload.ToArray())!.Online);
    }
}
