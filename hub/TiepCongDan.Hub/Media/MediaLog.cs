using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Media;

/// <summary>Log lines of the media archive (event ids 6200-6249). Never the media itself.</summary>
internal static partial class MediaLog
{
    [LoggerMessage(6200, LogLevel.Information, "Session {SessionId} declared by kiosk {KioskId} (ended: {Ended}, segments: {SegmentCount})")]
    public static partial void SessionDeclared(ILogger logger, string sessionId, string kioskId, bool ended, int? segmentCount);

    [LoggerMessage(6201, LogLevel.Information, "Segment {Segment} confirmed ({Bytes} bytes, from {Source})")]
    public static partial void SegmentConfirmed(ILogger logger, string segment, long bytes, string source);

    [LoggerMessage(6202, LogLevel.Warning, "Segment {Segment}: the uploaded bytes do not match the declared SHA-256; partial discarded, the kiosk starts again")]
    public static partial void HashMismatch(ILogger logger, string segment);

    [LoggerMessage(6203, LogLevel.Information, "Upload of segment {Segment} broke off at {Offset} bytes; the kiosk resumes from there")]
    public static partial void UploadBrokeOff(ILogger logger, string segment, long offset);

    [LoggerMessage(6204, LogLevel.Warning, "Media API refused kiosk {KioskId} from {Remote}: {Reason}")]
    public static partial void KioskRefused(ILogger logger, string kioskId, string remote, string reason);

    [LoggerMessage(6205, LogLevel.Warning, "Kiosk {KioskId} tried to use session {SessionId} of another kiosk")]
    public static partial void ForeignSession(ILogger logger, string kioskId, string sessionId);
}
