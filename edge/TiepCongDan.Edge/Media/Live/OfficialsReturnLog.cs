using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Media.Live;

/// <summary>Log lines of the officials' return stream (EventIds 7420-7439). Never the passphrase, never media.</summary>
internal static partial class OfficialsReturnLog
{
    [LoggerMessage(EventId = 7420, Level = LogLevel.Information, Message = "Officials' stream: connected to srt://{Host}:{Port} for session {SessionId} (connection {Connects})")]
    public static partial void Connected(ILogger logger, string host, int port, string sessionId, int connects);

    [LoggerMessage(EventId = 7421, Level = LogLevel.Warning, Message = "Officials' stream: not available yet ({Reason}); asking again in {DelayMs} ms")]
    public static partial void NotAvailable(ILogger logger, string reason, long delayMs);

    [LoggerMessage(EventId = 7422, Level = LogLevel.Warning, Message = "Officials' stream: lost ({Reason}); reconnecting")]
    public static partial void Lost(ILogger logger, string reason);

    [LoggerMessage(EventId = 7423, Level = LogLevel.Information, Message = "Officials' stream stopped: {Bytes} bytes received in {Connects} connections")]
    public static partial void Stopped(ILogger logger, long bytes, int connects);

    [LoggerMessage(EventId = 7424, Level = LogLevel.Information, Message = "Kiosk page: {Stream} video for session {SessionId} opened")]
    public static partial void WatchOpened(ILogger logger, string stream, string sessionId);

    [LoggerMessage(EventId = 7425, Level = LogLevel.Warning, Message = "Kiosk page: {Stream} video cannot be served: {Reason}")]
    public static partial void WatchFailed(ILogger logger, string stream, string reason);
}
