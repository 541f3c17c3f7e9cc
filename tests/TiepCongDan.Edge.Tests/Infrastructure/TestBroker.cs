using System.Collections.Concurrent;
using System.Net;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;

namespace TiepCongDan.Edge.Tests.Infrastructure;

/// <summary>
/// A real in-process MQTTnet broker on a random port that records every Sparkplug message
/// published to it, plus a client for the test's own publishes (host STATE, commands). Recording
/// happens in the broker, not in a subscriber, so nothing is missed when the node reconnects to a
/// restarted broker before a subscriber could.
/// </summary>
internal sealed class TestBroker : IAsyncDisposable
{
    private readonly ConcurrentQueue<ObservedMessage> _messages = new();
    private MqttServer? _server;
    private IMqttClient? _observer;

    private TestBroker(int port) => Port = port;

    private TestBroker()
        : this(FreePort.Next())
    {
    }

    public int Port { get; }

    /// <summary>A broker (not started) for a port fixed in advance, e.g. one a process already tries to reach.</summary>
    public static TestBroker OnPort(int port) => new(port);

    public IReadOnlyCollection<ObservedMessage> Messages => _messages;

    /// <summary>The running server, e.g. to refuse connections in a test.</summary>
    public MqttServer Server => _server ?? throw new InvalidOperationException("The broker is not running.");

    public static async Task<TestBroker> StartAsync()
    {
        var broker = new TestBroker();
        await broker.StartServerAsync();
        await broker.ConnectObserverAsync();
        return broker;
    }

    public async Task StartServerAsync()
    {
        var factory = new MqttServerFactory();
        var options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(Port)
            .Build();
        _server = factory.CreateMqttServer(options);
        _server.InterceptingPublishAsync += e =>
        {
            Record(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        await _server.StartAsync();
    }

    public async Task StopServerAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            _server.Dispose();
            _server = null;
        }
    }

    public async Task ConnectObserverAsync()
    {
        _observer?.Dispose();
        _observer = new MqttClientFactory().CreateMqttClient();
        await _observer.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", Port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId("observer-" + Guid.NewGuid().ToString("N")[..8])
            .Build());
    }

    private void Record(MqttApplicationMessage message)
    {
        if (!SparkplugTopic.TryParse(message.Topic, out var topic))
        {
            return;
        }

        try
        {
            _messages.Enqueue(new ObservedMessage(topic, Payload.Parser.ParseFrom(message.Payload), (int)message.QualityOfServiceLevel));
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            // A test's deliberately malformed publish: not a message the node sent.
        }
    }

    public async Task PublishAsync(string topic, Payload payload)
    {
        await _observer!.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Google.Protobuf.MessageExtensions.ToByteArray(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
    }

    public async Task PublishRawAsync(string topic, byte[] payload, bool retain)
    {
        await _observer!.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
    }

    public void Clear() => _messages.Clear();

    public IReadOnlyList<ObservedMessage> Of(SparkplugMessageType type) => _messages.Where(m => m.Type == type).ToList();

    /// <summary>Waits until a message matching <paramref name="match"/> arrives; fails the test with what was seen otherwise.</summary>
    public async Task<ObservedMessage> WaitForAsync(Func<ObservedMessage, bool> match, string what, int timeoutMs = 10000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            var found = _messages.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(20);
        }

        var seen = string.Join(", ", _messages.Select(m => m.Topic.ToString()));
        throw new TimeoutException($"Timed out waiting for {what}. Seen: [{seen}]");
    }

    public async ValueTask DisposeAsync()
    {
        if (_observer is not null)
        {
            try
            {
                await _observer.DisconnectAsync();
            }
            catch (Exception)
            {
                // broker already gone
            }

            _observer.Dispose();
        }

        await StopServerAsync();
    }
}
