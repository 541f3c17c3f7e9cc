using MQTTnet;
using MQTTnet.Protocol;

namespace TiepCongDan.Hub.Sparkplug;

/// <summary>
/// The primary host's single MQTT client, shared by the connect loop and the command sender.
/// Thread-safe: MQTTnet's client allows concurrent publishes.
/// </summary>
public sealed class HostConnection : IDisposable
{
    public HostConnection() => Client = new MqttClientFactory().CreateMqttClient();

    public IMqttClient Client { get; }

    public bool IsConnected => Client.IsConnected;

    public async Task PublishAsync(string topic, byte[] payload, MqttQualityOfServiceLevel qos, bool retain, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(qos)
            .WithRetainFlag(retain)
            .Build();
        await Client.PublishAsync(message, cancellationToken);
    }

    public void Dispose() => Client.Dispose();
}
