using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Bridge;

/// <summary>Log lines of the bridge (event ids 6600-6649). Session and point ids only, never media.</summary>
internal static partial class BridgeLog
{
    [LoggerMessage(6600, LogLevel.Information, "Bridge: session {SessionId} ({Province}) goes to {Points} point(s)")]
    public static partial void SessionBridged(ILogger logger, string sessionId, string province, int points);

    [LoggerMessage(6601, LogLevel.Information, "Bridge: session {SessionId} ended; its outputs are closed")]
    public static partial void SessionClosed(ILogger logger, string sessionId);

    [LoggerMessage(6602, LogLevel.Information, "Bridge: {Kind} output of session {SessionId} to {Receiver} connected")]
    public static partial void OutputConnected(ILogger logger, string sessionId, string receiver, string kind);

    [LoggerMessage(6603, LogLevel.Warning, "Bridge: output of session {SessionId} to {Receiver} lost its connection; calling again")]
    public static partial void OutputLost(ILogger logger, string sessionId, string receiver);

    [LoggerMessage(6604, LogLevel.Information, "Bridge: {Kind} output of session {SessionId} to {Receiver} closed")]
    public static partial void OutputClosed(ILogger logger, string sessionId, string receiver, string kind);

    [LoggerMessage(6605, LogLevel.Warning, "Bridge: session {SessionId} cannot reach point {Receiver}: {Reason} (code {Code}), attempt {Attempt}")]
    public static partial void ConnectFailed(ILogger logger, string sessionId, string receiver, string reason, int code, int attempt);

    [LoggerMessage(6606, LogLevel.Information, "Bridge listener on SRT port {Port}")]
    public static partial void ListenerStarted(ILogger logger, int port);

    [LoggerMessage(6607, LogLevel.Warning, "Bridge listener refused {Peer} ({Kind} by {User}): {Reason}, code {Code}")]
    public static partial void Refused(ILogger logger, string peer, string kind, string user, string reason, int code);

    [LoggerMessage(6608, LogLevel.Information, "Bridge: official at {PointId} publishes into session {SessionId} ({Count} now)")]
    public static partial void ReturnPublisherJoined(ILogger logger, string pointId, string sessionId, int count);

    [LoggerMessage(6609, LogLevel.Information, "Bridge: official at {PointId} left session {SessionId} ({Count} remain)")]
    public static partial void ReturnPublisherLeft(ILogger logger, string pointId, string sessionId, int count);

    [LoggerMessage(6610, LogLevel.Information, "Bridge: composing {Inputs} officials for session {SessionId} ({Layout}), ffmpeg pid {Pid}")]
    public static partial void ComposerStarted(ILogger logger, string sessionId, int inputs, string layout, int pid);

    [LoggerMessage(6611, LogLevel.Warning, "Bridge: the composer of session {SessionId} exited with {ExitCode}: {Reason}; restarting in {DelayMs} ms")]
    public static partial void ComposerExited(ILogger logger, string sessionId, int exitCode, string reason, int delayMs);

    [LoggerMessage(6612, LogLevel.Error, "Bridge: cannot start the composer for session {SessionId}")]
    public static partial void ComposerFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(6613, LogLevel.Error, "Bridge listener: accepting a caller failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);
}
