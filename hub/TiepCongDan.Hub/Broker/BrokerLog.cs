using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Broker;

/// <summary>Log lines of the embedded broker (event ids 1000-1099).</summary>
internal static partial class BrokerLog
{
    [LoggerMessage(1000, LogLevel.Information, "Embedded MQTT broker listening on {Endpoint} ({Kind})")]
    public static partial void Listening(ILogger logger, string endpoint, string kind);

    [LoggerMessage(1001, LogLevel.Warning, "MQTT connection refused for client {ClientId} from {Remote}: {Reason}")]
    public static partial void ConnectionRefused(ILogger logger, string clientId, string remote, string reason);

    [LoggerMessage(1002, LogLevel.Warning, "Revoked kiosk {ClientId} tried to connect from {Remote}: refused")]
    public static partial void RevokedRefused(ILogger logger, string clientId, string remote);

    [LoggerMessage(1003, LogLevel.Warning, "kiosk {ClientId} tried to publish as {Target}: refused (topic {Topic})")]
    public static partial void ImpersonationRefused(ILogger logger, string clientId, string target, string topic);

    [LoggerMessage(1004, LogLevel.Warning, "client {ClientId} tried to publish to {Topic}: refused ({Reason})")]
    public static partial void PublishRefused(ILogger logger, string clientId, string topic, string reason);

    [LoggerMessage(1005, LogLevel.Warning, "client {ClientId} sent {Bytes} bytes to {Topic}, over the {Limit}-byte limit: refused")]
    public static partial void OversizedRefused(ILogger logger, string clientId, int bytes, string topic, int limit);

    [LoggerMessage(1006, LogLevel.Warning, "client {ClientId} tried to subscribe to {Filter}: refused ({Reason})")]
    public static partial void SubscriptionRefused(ILogger logger, string clientId, string filter, string reason);

    [LoggerMessage(1007, LogLevel.Debug, "Kiosk {ClientId} connected")]
    public static partial void KioskConnected(ILogger logger, string clientId);

    [LoggerMessage(1008, LogLevel.Warning, "Client certificate refused: {Reason}")]
    public static partial void CertificateRefused(ILogger logger, string reason);
}
