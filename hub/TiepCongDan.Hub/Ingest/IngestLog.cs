using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Ingest;

/// <summary>Log lines of the SRT ingest (event ids 6300-6339). Kiosk and session ids only: never media, never passphrases.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(6300, LogLevel.Information, "SRT ingest listening on {Address}:{Port} (latency {LatencyMs} ms, at most {MaxSessions} sessions)")]
    public static partial void Listening(ILogger logger, string address, int port, int latencyMs, int maxSessions);

    [LoggerMessage(6301, LogLevel.Information, "SRT ingest is off (Hub:Media:Ingest:Port = 0)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(6302, LogLevel.Warning, "SRT caller {Peer} refused with {Code} ({Reason}): kiosk {KioskId}, session {SessionId}")]
    public static partial void Refused(ILogger logger, string peer, int code, string reason, string kioskId, string sessionId);

    [LoggerMessage(6303, LogLevel.Warning, "SRT caller {Peer} for kiosk {KioskId} passed the stream id check but never completed its handshake: wrong passphrase (SRT BadSecret), or the caller gave up")]
    public static partial void HandshakeNotCompleted(ILogger logger, string peer, string kioskId);

    [LoggerMessage(6304, LogLevel.Information, "Kiosk {KioskId} connected from {Peer} for session {SessionId} (connection {Connection} of this session)")]
    public static partial void Connected(ILogger logger, string kioskId, string peer, string sessionId, int connection);

    [LoggerMessage(6305, LogLevel.Information, "Kiosk {KioskId}: SRT connection for session {SessionId} ended ({Bytes} bytes, {BadPackets} bad packets dropped)")]
    public static partial void Disconnected(ILogger logger, string kioskId, string sessionId, long bytes, long badPackets);

    [LoggerMessage(6306, LogLevel.Information, "Session {SessionId} of kiosk {KioskId} started live")]
    public static partial void SessionStarted(ILogger logger, string sessionId, string kioskId);

    [LoggerMessage(6307, LogLevel.Information, "Session {SessionId} of kiosk {KioskId} ended live (no connection for {GraceSeconds} s)")]
    public static partial void SessionEnded(ILogger logger, string sessionId, string kioskId, int graceSeconds);

    [LoggerMessage(6308, LogLevel.Warning, "Kiosk {KioskId}, session {SessionId}: only malformed TS for {Seconds} s; connection closed")]
    public static partial void GarbageClosed(ILogger logger, string kioskId, string sessionId, int seconds);

    [LoggerMessage(6309, LogLevel.Information, "Kiosk {KioskId}, session {SessionId}: a newer connection replaces the one from {Peer}")]
    public static partial void Superseded(ILogger logger, string kioskId, string sessionId, string peer);

    [LoggerMessage(6310, LogLevel.Debug, "Live segment {SessionId}/{Sequence} discarded ({Reason}); the kiosk uploads it")]
    public static partial void SegmentDiscarded(ILogger logger, string sessionId, int sequence, string reason);

    [LoggerMessage(6311, LogLevel.Warning, "Live segment {SessionId}/{Sequence} could not be confirmed; the kiosk uploads it")]
    public static partial void ConfirmFailed(ILogger logger, string sessionId, int sequence, Exception exception);

    [LoggerMessage(6312, LogLevel.Warning, "A live session subscriber of {SessionId} threw; it keeps being called")]
    public static partial void SubscriberFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(6313, LogLevel.Error, "SRT ingest: the stream id check failed; caller {Peer} refused with 1500")]
    public static partial void AdmissionFailed(ILogger logger, string peer, Exception exception);

    [LoggerMessage(6314, LogLevel.Error, "SRT ingest: accepting a connection failed; still listening")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(6315, LogLevel.Warning, "Kiosk {KioskId}, session {SessionId}: SRT receive failed; connection closed")]
    public static partial void ReceiveFailed(ILogger logger, string kioskId, string sessionId, Exception exception);

    [LoggerMessage(6316, LogLevel.Information, "SRT ingest: UDP port {Port} is still taken ({Problem}); retrying")]
    public static partial void BindRetry(ILogger logger, int port, string problem);
}
