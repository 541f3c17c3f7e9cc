using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Media.Upload;

/// <summary>Log lines of the segment uploader (EventIds 7200-7249). Ids and sizes only, never media.</summary>
internal static partial class SegmentUploaderLog
{
    [LoggerMessage(EventId = 7200, Level = LogLevel.Information, Message = "Segment {SessionId}/{Sequence} confirmed by the hub ({How})")]
    public static partial void Confirmed(ILogger logger, string sessionId, int sequence, string how);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Warning, Message = "Segment upload paused ({Reason}); retrying in {DelayMs} ms")]
    public static partial void RetryLater(ILogger logger, string reason, long delayMs);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Segment {SessionId}/{Sequence} rejected by the hub twice (HTTP {Status}); kept on the kiosk")]
    public static partial void Rejected(ILogger logger, string sessionId, int sequence, int status);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Information, Message = "Segment {SessionId}/{Sequence}: hub offset {Offset}, resuming from there")]
    public static partial void Resuming(ILogger logger, string sessionId, int sequence, long offset);

    [LoggerMessage(EventId = 7204, Level = LogLevel.Information, Message = "Session {SessionId}: end declared to the hub")]
    public static partial void EndDeclared(ILogger logger, string sessionId);

    [LoggerMessage(EventId = 7205, Level = LogLevel.Error, Message = "Segment {SessionId}/{Sequence} cannot be read from the local store; kept for inspection")]
    public static partial void Unreadable(ILogger logger, string sessionId, int sequence, Exception exception);

    [LoggerMessage(EventId = 7206, Level = LogLevel.Warning, Message = "Segment {SessionId}/{Sequence}: the hub holds a different segment with this number; kept on the kiosk")]
    public static partial void Conflict(ILogger logger, string sessionId, int sequence);
}
