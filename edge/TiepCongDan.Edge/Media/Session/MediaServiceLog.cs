using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Media.Session;

/// <summary>Log lines of the session orchestration. Never media content, never a citizen's data.</summary>
internal static partial class MediaServiceLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Media store opened at {Directory}: {PendingSessions} session(s) wait for the hub")]
    public static partial void StoreOpened(ILogger logger, string directory, int pendingSessions);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Session {SessionId} started: {Source} {Width}x{Height}@{Fps}, rung {Rung}, SRT to {Host}:{Port} latency {LatencyMs} ms")]
    public static partial void SessionStarted(ILogger logger, string sessionId, string source, int width, int height, int fps, string rung, string host, int port, int latencyMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Session {SessionId} ended after {Seconds:F1} s: {Frames} frames, {Segments} segments, {Restarts} encoder restarts, {DroppedLiveBytes} live bytes dropped while the link was down")]
    public static partial void SessionEnded(ILogger logger, string sessionId, double seconds, long frames, long segments, int restarts, long droppedLiveBytes);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Ladder {Direction} to {Rung} in session {SessionId}: {Reason}")]
    public static partial void LadderChanged(ILogger logger, string direction, string rung, string sessionId, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Session {SessionId} stops recording: {Reason}")]
    public static partial void RecordingFailed(ILogger logger, string sessionId, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "No session started: the media store is full ({FreeBytes} bytes free, reserve {ReserveBytes}); nothing unconfirmed is deleted to make room")]
    public static partial void StoreFull(ILogger logger, long freeBytes, long reserveBytes);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Media storage level {Level}: {FreeBytes} bytes free, {PendingBytes} bytes wait for the hub")]
    public static partial void StorageLevelChanged(ILogger logger, string level, long freeBytes, long pendingBytes);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "The live link kept {QueuedBytes} bytes unsent when session {SessionId} ended; the upload brings them to the hub")]
    public static partial void UplinkNotDrained(ILogger logger, long queuedBytes, string sessionId);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Error, Message = "Encoder restart of session {SessionId} (ladder step or capture change) failed")]
    public static partial void LadderRestartFailed(ILogger logger, Exception exception, string sessionId);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Line test refused: a session is running or another test is under way")]
    public static partial void LineTestRefused(ILogger logger);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Line test {TestId} started: 10 s of the test pattern at {Rung}")]
    public static partial void LineTestStarted(ILogger logger, string testId, string rung);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Line test {TestId} ended: {SentBytes} bytes sent, uplink {State}")]
    public static partial void LineTestEnded(ILogger logger, string testId, long sentBytes, string state);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Error, Message = "Line test failed")]
    public static partial void LineTestFailed(ILogger logger, Exception exception);
}
