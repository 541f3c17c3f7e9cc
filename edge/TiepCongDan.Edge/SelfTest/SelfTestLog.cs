using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.SelfTest;

internal static partial class SelfTestLog
{
    [LoggerMessage(EventId = 9600, Level = LogLevel.Information, Message = "Self-test check {CheckId}: {Status} in {DurationMs} ms ({Summary})")]
    public static partial void CheckFinished(ILogger logger, string checkId, string status, long durationMs, string summary);

    [LoggerMessage(EventId = 9601, Level = LogLevel.Warning, Message = "Self-test check {CheckId} threw")]
    public static partial void CheckThrew(ILogger logger, string checkId, Exception exception);

    [LoggerMessage(EventId = 9602, Level = LogLevel.Warning, Message = "Self-test check {CheckId} did not finish within {Seconds} s")]
    public static partial void CheckTimedOut(ILogger logger, string checkId, double seconds);

    [LoggerMessage(EventId = 9603, Level = LogLevel.Information, Message = "Self-test of kiosk {KioskId} finished: {Verdict}; failed: {Failed}")]
    public static partial void Finished(ILogger logger, string kioskId, string verdict, string failed);

    [LoggerMessage(EventId = 9604, Level = LogLevel.Warning, Message = "Self-test report not sent to the hub: {Reason}")]
    public static partial void ReportNotSent(ILogger logger, string reason);

    [LoggerMessage(EventId = 9605, Level = LogLevel.Warning, Message = "Self-test: the kiosk screen could not show the self-test: {Reason}")]
    public static partial void ScreenFailed(ILogger logger, string reason);
}
