using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.SelfTest;

internal static partial class SelfTestLog
{
    [LoggerMessage(EventId = 8600, Level = LogLevel.Information, Message = "Self-test of kiosk {KioskId} stored: {Verdict}; failed: {Failed}")]
    public static partial void Stored(ILogger logger, string kioskId, string verdict, string failed);

    [LoggerMessage(EventId = 8601, Level = LogLevel.Warning, Message = "Self-test report of kiosk {KioskId} refused ({Status}): {Reason}")]
    public static partial void Refused(ILogger logger, string kioskId, int status, string reason);
}
