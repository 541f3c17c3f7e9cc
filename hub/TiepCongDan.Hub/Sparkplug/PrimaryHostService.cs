using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Options;
using TiepCongDan.Hub.Registry;

namespace TiepCongDan.Hub.Sparkplug;

/// <summary>
/// Keeps the primary host connected (to the embedded broker over loopback, or to an external one)
/// and announces STATE with its Will. With an external broker it subscribes to spBv1.0/# and feeds
/// messages to the ingest; with the embedded broker the broker's publish interceptor does that
/// (<see cref="Broker.EmbeddedBrokerRules"/>), so this client only publishes STATE and commands.
/// Reconnects in this loop with back-off and jitter, never inside the Disconnected event.
/// </summary>
public sealed class PrimaryHostService : BackgroundService
{
    private readonly HostConnection _connection;
    private readonly SparkplugIngest _ingest;
    private readonly KioskRegistry _registry;
    private readonly HubCredential _credential;
    private readonly HubOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PrimaryHostService> _logger;
    private readonly IHostApplicationLifetime _lifetime;
    private volatile bool _stopping;

    public PrimaryHostService(HostConnection connection, SparkplugIngest ingest, KioskRegistry registry, HubCredential credential,
        IOptions<HubOptions> options, TimeProvider time, ILogger<PrimaryHostService> logger, IHostApplicationLifetime lifetime)
    {
        _lifetime = lifetime;
        _connection = connection;
        _ingest = ingest;
        _registry = registry;
        _credential = credential;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    private string StateTopic => SparkplugTopic.StateTopic(_options.HostId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var client = _connection.Client;
        client.ApplicationMessageReceivedAsync += e =>
        {
            _ingest.Handle(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload);
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected && !stoppingToken.IsCancellationRequested && !_stopping)
            {
                HostLog.Disconnected(_logger, e.Reason.ToString());
            }

            return Task.CompletedTask;
        };

        // The embedded broker listens only once Kestrel has started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (_lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var everConnected = false;
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested && !_stopping)
        {
            if (!client.IsConnected)
            {
                try
                {
                    await ConnectAsync(client, stoppingToken);
                    if (everConnected && !_options.Mqtt.IsEmbedded)
                    {
                        // Births may have been missed while we were away: ask every node we think is online.
                        foreach (var kioskId in _registry.OnlineIds())
                        {
                            _ingest.RequestRebirth(kioskId, "host-reconnect");
                        }
                    }

                    everConnected = true;
                    delay = TimeSpan.FromMilliseconds(250);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
                    HostLog.ConnectFailed(_logger, BrokerName, ex.Message, (delay + jitter).TotalSeconds);
                    await SafeDelay(delay + jitter, stoppingToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(15).Ticks));
                    continue;
                }
            }

            await SafeDelay(TimeSpan.FromMilliseconds(500), stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await GoOfflineAsync(cancellationToken);
    }

    /// <summary>
    /// Says STATE offline (a clean disconnect does not fire the Will, Sparkplug 3.0 asks for it) and
    /// disconnects. Called when the application starts stopping, before Kestrel waits for open
    /// connections to drain, and again (harmlessly) from StopAsync.
    /// </summary>
    public async Task GoOfflineAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var client = _connection.Client;
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            await PublishStateAsync(online: false, _time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken);
        }
        catch (Exception ex)
        {
            HostLog.Disconnected(_logger, "stop: " + ex.Message);
        }
    }

    private string BrokerName => _options.Mqtt.IsEmbedded
        ? $"embedded broker {EmbeddedHost}:{_options.Mqtt.Embedded.Port}"
        : $"{_options.Mqtt.External.Host}:{_options.Mqtt.External.Port}";

    private string EmbeddedHost
    {
        get
        {
            if (!ListenAddress.TryParseHost(_options.Mqtt.Embedded.BindAddress, out var address))
            {
                return "127.0.0.1";
            }

            return address.Equals(System.Net.IPAddress.Any) || address.Equals(System.Net.IPAddress.IPv6Any) ? "127.0.0.1" : address.ToString();
        }
    }

    private async Task ConnectAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var builder = new MqttClientOptionsBuilder()
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithCleanSession(true)
            .WithWillTopic(StateTopic)
            .WithWillPayload(JsonSerializer.SerializeToUtf8Bytes(new HostState(false, timestamp)))
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain(true);
        if (_options.Mqtt.IsEmbedded)
        {
            builder.WithTcpServer(EmbeddedHost, _options.Mqtt.Embedded.Port)
                .WithClientId(_credential.ClientId)
                .WithCredentials(_credential.Username, _credential.Password);
        }
        else
        {
            var external = _options.Mqtt.External;
            builder.WithTcpServer(external.Host, external.Port)
                .WithClientId(_credential.ClientId)
                .WithCredentials(external.Username, external.Password);
            if (external.UseTls)
            {
                builder.WithTlsOptions(o => o.UseTls());
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        await client.ConnectAsync(builder.Build(), timeout.Token);
        if (!_options.Mqtt.IsEmbedded)
        {
            var subscribe = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(SparkplugTopic.Namespace + "/#").WithAtMostOnceQoS())
                .Build();
            await client.SubscribeAsync(subscribe, timeout.Token);
        }
        await PublishStateAsync(online: true, timestamp, timeout.Token);
        HostLog.Connected(_logger, _options.HostId, BrokerName);
    }

    private Task PublishStateAsync(bool online, long timestamp, CancellationToken cancellationToken) =>
        _connection.PublishAsync(StateTopic, JsonSerializer.SerializeToUtf8Bytes(new HostState(online, timestamp)),
            MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken);

    private async Task SafeDelay(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
