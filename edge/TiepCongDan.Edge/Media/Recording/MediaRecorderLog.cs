using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Media.Recording;

/// <summary>Log lines of the local media store (EventIds 6200-6299). Never media content.</summary>
internal static partial class MediaRecorderLog
{
    [LoggerMessage(EventId = 6200, Level = LogLevel.Information, Message = "Media store opened at {Directory}: {Sessions} sessions and {Segments} segments pending upload")]
    public static partial void Opened(ILogger logger, string directory, int sessions, int segments);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "Recovered segment {Sequence} of session {SessionId} left open by a crash: {Bytes} bytes kept")]
    public static partial void SegmentRecovered(ILogger logger, string sessionId, int sequence, long bytes);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Segment {Sequence} of session {SessionId} is lost: {Reason}")]
    public static partial void SegmentLost(ILogger logger, string sessionId, int sequence, string reason);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Warning, Message = "Session {SessionId} was interrupted; closed with {SegmentCount} segments, end at {EndedAtMs}")]
    public static partial void SessionRecovered(ILogger logger, string sessionId, int segmentCount, long endedAtMs);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Warning, Message = "File {Path} is not in the media journal; moved to {Destination}")]
    public static partial void OrphanMoved(ILogger logger, string path, string destination);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Information, Message = "Recording session {SessionId} started")]
    public static partial void SessionStarted(ILogger logger, string sessionId);

    [LoggerMessage(EventId = 6206, Level = LogLevel.Information, Message = "Recording session {SessionId} ended: {Segments} segments, {VideoFrames} video frames, {DroppedPackets} packets before the first keyframe dropped")]
    public static partial void SessionCompleted(ILogger logger, string sessionId, long segments, long videoFrames, long droppedPackets);

    [LoggerMessage(EventId = 6207, Level = LogLevel.Error, Message = "Recording session {SessionId} stopped writing to disk: {Reason}")]
    public static partial void SessionFailed(ILogger logger, Exception? exception, string sessionId, string reason);

    [LoggerMessage(EventId = 6208, Level = LogLevel.Debug, Message = "Segment {Sequence} of session {SessionId} closed: {Bytes} bytes, {DurationMs} ms")]
    public static partial void SegmentClosed(ILogger logger, string sessionId, int sequence, long bytes, long durationMs);

    [LoggerMessage(EventId = 6209, Level = LogLevel.Information, Message = "Segment {Sequence} of session {SessionId} confirmed by the hub; local copy deleted")]
    public static partial void SegmentConfirmed(ILogger logger, string sessionId, int sequence);

    [LoggerMessage(EventId = 6210, Level = LogLevel.Information, Message = "Session {SessionId} is archived at the hub; removed from the local store")]
    public static partial void SessionArchived(ILogger logger, string sessionId);

    [LoggerMessage(EventId = 6211, Level = LogLevel.Warning, Message = "Media segment duration setting {Name} = {Requested} is outside 2-6 s; using {Used}")]
    public static partial void DurationClamped(ILogger logger, string name, TimeSpan requested, TimeSpan used);

    [LoggerMessage(EventId = 6212, Level = LogLevel.Warning, Message = "Could not finalize segment {Sequence} of session {SessionId} after the failure; it is recovered at the next start")]
    public static partial void FinalizeAfterFailureFailed(ILogger logger, Exception exception, string sessionId, int sequence);
}
