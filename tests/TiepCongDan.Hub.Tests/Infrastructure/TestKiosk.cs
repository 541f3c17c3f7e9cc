using System.Buffers;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;

namespace TiepCongDan.Hub.Tests.Infrastructure;

/// <summary>A kiosk as the hub sees it: a real MQTTnet client with the kiosk's credentials and NDEATH Will.</summary>
public sealed class TestKiosk : IAsyncDisposable
{
    private ulong _seq;

    private TestKiosk(string id, IMqttClient client, long bdSeq)
    {
        Id = id;
        Client = client;
        BdSeq = bdSeq;
        client.ApplicationMessageReceivedAsync += e =>
        {
            Received.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
    }

    public string Id { get; }

    public string Province => KioskId.ProvinceOf(Id);

    public IMqttClient Client { get; }

    public long BdSeq { get; }

    public ConcurrentQueue<(string Topic, byte[] Payload, bool Retain)> Received { get; } = new();

    public static MqttClientOptionsBuilder Options(int port, string clientId, string? username, string? password, long bdSeq, string? willNodeId = null)
    {
        var willNode = willNodeId ?? clientId;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (KioskId.IsValid(willNode))
        {
            builder.WithWillTopic(SparkplugTopic.Node(KioskId.ProvinceOf(willNode), SparkplugMessageType.NDEATH, willNode))
                .WithWillPayload(Payloads.NodeDeath(bdSeq))
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        }

        if (username is not null)
        {
            builder.WithCredentials(username, password);
        }

        return builder;
    }

    public static async Task<TestKiosk> ConnectAsync(TestHub hub, string id, long bdSeq = 0, bool subscribeCommands = true) =>
        await ConnectAsync(hub.MqttPort, id, hub.KioskPassword(id), bdSeq, subscribeCommands);

    public static async Task<TestKiosk> ConnectAsync(int port, string id, string password, long bdSeq = 0, bool subscribeCommands = true, string? username = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var kiosk = new TestKiosk(id, client, bdSeq);
        var result = await client.ConnectAsync(Options(port, id, username ?? id, password, bdSeq).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        if (subscribeCommands)
        {
            await kiosk.SubscribeAsync(SparkplugTopic.Node(kiosk.Province, SparkplugMessageType.NCMD, id));
        }

        return kiosk;
    }

    public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string filter)
    {
        var result = await Client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return result.Items.Single().ResultCode;
    }

    public string Topic(SparkplugMessageType type, string? device = null) => device is null
        ? SparkplugTopic.Node(Province, type, Id)
        : SparkplugTopic.Device(Province, type, Id, device);

    public async Task BirthAsync(double cpuLoad = 0.25)
    {
        _seq = 0;
        await PublishAsync(Topic(SparkplugMessageType.NBIRTH), Payloads.NodeBirth(Id, BdSeq, cpuLoad));
    }

    public Task CpuDataAsync(double cpuLoad) => PublishAsync(Topic(SparkplugMessageType.NDATA), Payloads.CpuData(NextSeq(), cpuLoad));

    public ulong NextSeq() => _seq = SparkplugSequence.Next(_seq);

    /// <summary>Skips sequence numbers, as if messages were lost.</summary>
    public void SkipSeq(int count)
    {
        for (var i = 0; i < count; i++)
        {
            NextSeq();
        }
    }

    public async Task<MqttClientPublishResult> PublishAsync(string topic, byte[] payload, MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce, bool retain = false)
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos).WithRetainFlag(retain).Build();
        return await Client.PublishAsync(message);
    }

    public async Task<byte[]> WaitForCommandAsync(string metricName, int timeoutMs = 10_000)
    {
        byte[]? found = null;
        await Eventually.True(() =>
        {
            found = Received.FirstOrDefault(m => m.Topic.Contains("/NCMD/", StringComparison.Ordinal) && Payloads.WritesTrue(m.Payload, metricName)).Payload;
            return found is not null;
        }, $"{Id} to receive NCMD {metricName}", timeoutMs);
        return found!;
    }

    public int CommandCount(string metricName) =>
        Received.Count(m => m.Topic.Contains("/NCMD/", StringComparison.Ordinal) && Payloads.WritesTrue(m.Payload, metricName));

    /// <summary>
    /// Ends the session so the broker sends the NDEATH Will. On the embedded broker the broker cuts
    /// the connection (MQTTnet 5 ignores DISCONNECT reason 0x04, dotnet/MQTTnet#2256), which is the
    /// same path as a lost network; elsewhere the MQTT 5 "disconnect with Will" is used.
    /// </summary>
    public async Task DropWithWillAsync(TestHub? hub = null)
    {
        if (hub is not null)
        {
            await hub.Get<MQTTnet.Server.MqttServer>().DisconnectClientAsync(Id, new MQTTnet.Server.MqttServerClientDisconnectOptions());
            return;
        }

        await Client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder()
            .WithReason(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage).Build());
    }

    public async ValueTask DisposeAsync()
    {
        if (Client.IsConnected)
        {
            try
            {
                await Client.DisconnectAsync();
            }
            catch (Exception)
            {
                // already gone
            }
        }

        Client.Dispose();
    }
}
