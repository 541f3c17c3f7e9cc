using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Provisioning;

/// <summary>Log lines of provisioning and revocation (event ids 2300-2399); revocations are the operators' audit trail.</summary>
internal static partial class ProvisioningLog
{
    [LoggerMessage(2300, LogLevel.Information, "Kiosk {KioskId} registered by {By} (certificate {Fingerprint})")]
    public static partial void Registered(ILogger logger, string kioskId, string by, string fingerprint);

    [LoggerMessage(2301, LogLevel.Information, "Kiosk {KioskId} enrolled")]
    public static partial void Enrolled(ILogger logger, string kioskId);

    [LoggerMessage(2302, LogLevel.Warning, "AUDIT kiosk {KioskId} revoked by {By}: {Reason}")]
    public static partial void Revoked(ILogger logger, string kioskId, string by, string reason);

    [LoggerMessage(2303, LogLevel.Warning, "Revoked kiosk {KioskId}: MQTT session closed={Mqtt}, SRT ingest connections cut={Srt}")]
    public static partial void SessionsCut(ILogger logger, string kioskId, bool mqtt, int srt);

    [LoggerMessage(2304, LogLevel.Warning, "Revoked kiosk {KioskId}: closing its sessions failed")]
    public static partial void CutFailed(ILogger logger, string kioskId, Exception exception);

    [LoggerMessage(2305, LogLevel.Warning, "Registration of kiosk {KioskId} refused: it is revoked")]
    public static partial void RegisterRevokedRefused(ILogger logger, string kioskId);
}
