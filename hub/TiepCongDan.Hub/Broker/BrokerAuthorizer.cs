using System.Security.Cryptography.X509Certificates;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;

namespace TiepCongDan.Hub.Broker;

/// <summary>
/// Who may connect, publish and subscribe on the embedded broker. Pure rules, no MQTT types, so
/// tests can read them. Thread-safe: the rules are fixed at construction; the revoked list is
/// <see cref="RevokedKiosks"/>, which an admin's revocation changes at run time (decision 0023).
/// </summary>
public sealed class BrokerAuthorizer
{
    private static readonly HashSet<SparkplugMessageType> KioskPublishTypes =
    [
        SparkplugMessageType.NBIRTH, SparkplugMessageType.NDATA, SparkplugMessageType.NDEATH,
        SparkplugMessageType.DBIRTH, SparkplugMessageType.DDATA, SparkplugMessageType.DDEATH,
    ];

    private readonly FleetSecret _secret;
    private readonly HubCredential _hub;
    private readonly RevokedKiosks _revoked;

    public BrokerAuthorizer(FleetSecret secret, HubCredential hub, IEnumerable<string> revoked)
        : this(secret, hub, new RevokedKiosks(revoked))
    {
    }

    public BrokerAuthorizer(FleetSecret secret, HubCredential hub, RevokedKiosks revoked)
    {
        _secret = secret;
        _hub = hub;
        _revoked = revoked;
    }

    public string HubClientId => _hub.ClientId;

    /// <summary>The live revoked list every check here reads (MQTT, SRT ingest, bridge, kiosk HTTP API).</summary>
    public RevokedKiosks Revoked => _revoked;

    public bool IsRevoked(string kioskId) => _revoked.Contains(kioskId);

    public ConnectDecision CheckConnect(string? clientId, string? username, string? password, X509Certificate2? clientCertificate)
    {
        if (_hub.Matches(clientId, username, password))
        {
            return ConnectDecision.Hub;
        }

        if (!KioskId.IsValid(clientId))
        {
            return ConnectDecision.Refuse("bad-client-id");
        }

        if (_revoked.Contains(clientId!))
        {
            return ConnectDecision.Refuse("revoked");
        }

        // A certificate chained to the fleet CA (Kestrel already checked the chain) names the kiosk in its CN.
        if (clientCertificate is not null)
        {
            var cn = clientCertificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            return cn == clientId && (string.IsNullOrEmpty(username) || username == clientId)
                ? ConnectDecision.Kiosk
                : ConnectDecision.Refuse("certificate-mismatch");
        }

        if (username != clientId)
        {
            return ConnectDecision.Refuse("username-not-client-id");
        }

        return DeviceCredentials.Verify(_secret.Bytes, clientId!, password)
            ? ConnectDecision.Kiosk
            : ConnectDecision.Refuse("bad-password");
    }

    /// <summary>Null when allowed, else the refusal reason (a metric label).</summary>
    public string? CheckPublish(string? clientId, string topic, bool isHub)
    {
        if (isHub || clientId == _hub.ClientId)
        {
            return null;
        }

        if (topic.StartsWith(SparkplugTopic.Namespace + "/STATE/", StringComparison.Ordinal))
        {
            return "state-topic";
        }

        if (!SparkplugTopic.TryParse(topic, out var parsed) || !KioskPublishTypes.Contains(parsed.MessageType))
        {
            return "not-sparkplug";
        }

        if (parsed.EdgeNodeId != clientId || !KioskId.IsValid(clientId) || parsed.GroupId != KioskId.ProvinceOf(clientId))
        {
            return "not-own-node";
        }

        return null;
    }

    /// <summary>Null when allowed, else the refusal reason.</summary>
    public string? CheckSubscribe(string? clientId, string topicFilter, bool isHub)
    {
        if (isHub || clientId == _hub.ClientId)
        {
            return null;
        }

        if (topicFilter == SparkplugTopic.Namespace + "/STATE/#" || IsExactStateTopic(topicFilter))
        {
            return null;
        }

        if (!KioskId.IsValid(clientId))
        {
            return "not-kiosk";
        }

        var province = KioskId.ProvinceOf(clientId!);
        var ncmd = SparkplugTopic.Node(province, SparkplugMessageType.NCMD, clientId!);
        var dcmdPrefix = $"{SparkplugTopic.Namespace}/{province}/DCMD/{clientId}/";
        if (topicFilter == ncmd)
        {
            return null;
        }

        if (topicFilter.StartsWith(dcmdPrefix, StringComparison.Ordinal))
        {
            var device = topicFilter[dcmdPrefix.Length..];
            if (device.Length > 0 && (device == "+" || device.IndexOfAny(['/', '+', '#']) < 0))
            {
                return null;
            }
        }

        return "not-own-commands";
    }

    private static bool IsExactStateTopic(string filter)
    {
        const string prefix = SparkplugTopic.Namespace + "/STATE/";
        return filter.StartsWith(prefix, StringComparison.Ordinal) && filter.Length > prefix.Length
            && filter[prefix.Length..].IndexOfAny(['/', '+', '#']) < 0;
    }
}
