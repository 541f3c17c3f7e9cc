using Microsoft.Extensions.Logging;

namespace TiepCongDan.Pcsc;

/// <summary>Log lines of the PC/SC binding (EventIds 5300-5319). Reader names and ATRs only, never card data.</summary>
internal static partial class PcscLog
{
    [LoggerMessage(EventId = 5300, Level = LogLevel.Warning, Message = "pcscd cannot be reached ({Reason}); retrying in {DelayMs} ms")]
    public static partial void ServiceLost(ILogger logger, string reason, long delayMs);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "pcscd reachable again")]
    public static partial void ServiceRestored(ILogger logger);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Information, Message = "Reader {Reader} {Change}")]
    public static partial void ReaderChanged(ILogger logger, string reader, string change);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Warning, Message = "SCardGetStatusChange failed ({Reason}); listing the readers again")]
    public static partial void StatusChangeFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Warning, Message = "{Count} readers connected; pcsc-lite lets one wait watch only the first {Watched}")]
    public static partial void TooManyReaders(ILogger logger, int count, int watched);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Critical, Message = "The reader monitor stopped on an unexpected error")]
    public static partial void MonitorFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5306, Level = LogLevel.Warning, Message = "The reader monitor's thread did not stop within 10 s (pcscd hanging?); left behind")]
    public static partial void MonitorStuck(ILogger logger);
}
