using System.Buffers;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// A plain MQTT client for the tests: observes what crosses the broker (births, data, commands)
/// and can publish like a (misbehaving) kiosk. Connect failures are returned, not thrown, because
/// several tests expect to be refused.
/// </summary>
public sealed class SparkplugTestClient : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private SparkplugTestClient(IMqttClient client) => _client = client;

    public sealed record Received(string Topic, SparkplugTopic? Parsed, Payload? Payload, DateTimeOffset At);

    public ConcurrentQueue<Received> Messages { get; } = new();

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connects; returns the client and the broker's result code (Success or the refusal).</summary>
    public static async Task<(SparkplugTestClient Client, MqttClientConnectResultCode Result)> ConnectAsync(
        string host, int port, string clientId, string? username, string? password, CancellationToken cancellationToken,
        MqttApplicationMessage? will = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var wrapper = new SparkplugTestClient(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            Payload? payload = null;
            try
            {
                payload = Payload.Parser.ParseFrom(message.Payload.ToArray());
            }
            catch (Google.Protobuf.InvalidProtocolBufferException)
            {
            }

            var parsed = SparkplugTopic.TryParse(message.Topic, out var topic) ? topic : null;
            wrapper.Messages.Enqueue(new Received(message.Topic, parsed, payload, DateTimeOffset.UtcNow));
            return Task.CompletedTask;
        };

        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithCleanSession()
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (username is not null)
        {
            builder = builder.WithCredentials(username, password);
        }

        if (will is not null)
        {
            builder = builder.WithWillTopic(will.Topic).WithWillPayload(will.Payload.ToArray()).WithWillQualityOfServiceLevel(will.QualityOfServiceLevel);
        }

        try
        {
            var result = await client.ConnectAsync(builder.Build(), cancellationToken);
            return (wrapper, result.ResultCode);
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException)
        {
            // MQTTnet 5 carries no result code on this exception; any refusal is a refusal here.
            return (wrapper, MqttClientConnectResultCode.UnspecifiedError);
        }
    }

    public async Task SubscribeAsync(string topicFilter, CancellationToken cancellationToken)
    {
        var options = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _client.SubscribeAsync(options, cancellationToken);
    }

    public Task<MqttClientPublishResult> PublishAsync(string topic, Payload payload, CancellationToken cancellationToken,
        MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce) =>
        PublishAsync(topic, Google.Protobuf.MessageExtensions.ToByteArray(payload), cancellationToken, qos);

    public Task<MqttClientPublishResult> PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken,
        MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(qos)
            .Build();
        return _client.PublishAsync(message, cancellationToken);
    }

    public IEnumerable<Received> Of(SparkplugMessageType type, string? edgeNodeId = null) =>
        Messages.Where(m => m.Parsed is { } p && p.MessageType == type && (edgeNodeId is null || p.EdgeNodeId == edgeNodeId));

    /// <summary>The bdSeq metric of a birth or death payload.</summary>
    public static ulong? BdSeqOf(Payload? payload) =>
        payload?.Metrics.FirstOrDefault(m => m.Name == TiepCongDan.Contracts.Fleet.NodeMetrics.BdSeq) is { } metric
            ? SparkplugValue.ReadFrom(metric)?.Value switch
            {
                ulong u => u,
                long l => (ulong)l,
                _ => null,
            }
            : null;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or ObjectDisposedException)
        {
        }

        _client.Dispose();
    }
}
