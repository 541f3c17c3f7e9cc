using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Hub.Metrics;
using TiepCongDan.Hub.Options;
using TiepCongDan.Hub.Sparkplug;

namespace TiepCongDan.Hub.Broker;

/// <summary>
/// Attaches <see cref="BrokerAuthorizer"/> to the MQTTnet server's connect, publish and subscribe
/// interceptors, and counts and logs every refusal. The NDEATH Will of a kiosk goes through the
/// publish interceptor when the broker sends it, so a Will aimed at another kiosk is refused too.
/// An accepted kiosk publish is handed to the primary host's ingest right here, in the kiosk's own
/// receive loop (so per-kiosk order holds), and not dispatched further: no other client may
/// subscribe to kiosk topics, and MQTTnet's dispatch walks every session per message, which at
/// thousands of kiosks cost more than everything else the hub does (decision 0002).
/// </summary>
public sealed class EmbeddedBrokerRules
{
    private const string HubSessionKey = "tcd.hub";

    private readonly BrokerAuthorizer _authorizer;
    private readonly HubMetrics _metrics;
    private readonly ILogger<EmbeddedBrokerRules> _logger;
    private readonly int _maxPayloadBytes;
    private readonly SparkplugIngest _ingest;

    public EmbeddedBrokerRules(BrokerAuthorizer authorizer, SparkplugIngest ingest, HubMetrics metrics, IOptions<HubOptions> options,
        ILogger<EmbeddedBrokerRules> logger)
    {
        _authorizer = authorizer;
        _ingest = ingest;

        _metrics = metrics;
        _logger = logger;
        _maxPayloadBytes = options.Value.Mqtt.Embedded.MaxPayloadBytes;
    }

    public void Attach(MqttServer server)
    {
        server.ValidatingConnectionAsync += OnValidatingConnection;
        server.InterceptingPublishAsync += OnInterceptingPublish;
        server.InterceptingSubscriptionAsync += OnInterceptingSubscription;
    }

    private Task OnValidatingConnection(ValidatingConnectionEventArgs e)
    {
        var decision = _authorizer.CheckConnect(e.ClientId, e.UserName, e.Password, e.ClientCertificate);
        if (decision.Accepted)
        {
            e.SessionItems[HubSessionKey] = decision.IsHub;
            e.ReasonCode = MqttConnectReasonCode.Success;
            if (!decision.IsHub)
            {
                BrokerLog.KioskConnected(_logger, e.ClientId);
            }

            return Task.CompletedTask;
        }

        var remote = e.RemoteEndPoint?.ToString() ?? "?";
        if (decision.Reason == "revoked")
        {
            BrokerLog.RevokedRefused(_logger, e.ClientId, remote);
            e.ReasonCode = MqttConnectReasonCode.Banned;
        }
        else
        {
            BrokerLog.ConnectionRefused(_logger, e.ClientId ?? "?", remote, decision.Reason);
            e.ReasonCode = decision.Reason == "bad-client-id"
                ? MqttConnectReasonCode.ClientIdentifierNotValid
                : MqttConnectReasonCode.BadUserNameOrPassword;
        }

        _metrics.RefusedConnections.Inc(decision.Reason);
        return Task.CompletedTask;
    }

    private Task OnInterceptingPublish(InterceptingPublishEventArgs e)
    {
        var isHub = e.SessionItems?[HubSessionKey] is true;
        if (isHub)
        {
            return Task.CompletedTask;
        }

        var topic = e.ApplicationMessage.Topic ?? string.Empty;
        var length = (int)Math.Min(int.MaxValue, e.ApplicationMessage.Payload.Length);
        if (length > _maxPayloadBytes)
        {
            BrokerLog.OversizedRefused(_logger, e.ClientId, length, topic, _maxPayloadBytes);
            Refuse(e, "oversized");
            return Task.CompletedTask;
        }

        var reason = _authorizer.CheckPublish(e.ClientId, topic, isHub);
        if (reason is null)
        {
            _ingest.Handle(topic, e.ApplicationMessage.Payload);
            // Not processing is not refusing: the PUBACK stays "success", the kiosk's outbox row is confirmed.
            e.ProcessPublish = false;
            return Task.CompletedTask;
        }

        if (reason == "not-own-node" && SparkplugTopic.TryParse(topic, out var parsed))
        {
            BrokerLog.ImpersonationRefused(_logger, e.ClientId, parsed.EdgeNodeId, topic);
        }
        else
        {
            BrokerLog.PublishRefused(_logger, e.ClientId, topic, reason);
        }

        Refuse(e, reason);

        return Task.CompletedTask;
    }

    private void Refuse(InterceptingPublishEventArgs e, string reason)
    {
        e.ProcessPublish = false;
        e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
        _metrics.RefusedPublishes.Inc(reason);
    }

    private Task OnInterceptingSubscription(InterceptingSubscriptionEventArgs e)
    {
        var isHub = e.SessionItems?[HubSessionKey] is true;
        var filter = e.TopicFilter.Topic ?? string.Empty;
        var reason = _authorizer.CheckSubscribe(e.ClientId, filter, isHub);
        if (reason is not null)
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            _metrics.RefusedSubscriptions.Inc();
            BrokerLog.SubscriptionRefused(_logger, e.ClientId, filter, reason);
        }

        return Task.CompletedTask;
    }
}
