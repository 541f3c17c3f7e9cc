using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Media.Uplink;

/// <summary>Log lines of the live SRT uplink (EventIds 7400-7419). Never the passphrase, never media.</summary>
internal static partial class SrtUplinkLog
{
    [LoggerMessage(EventId = 7400, Level = LogLevel.Information, Message = "SRT uplink: connecting to srt://{Host}:{Port} (latency {LatencyMs} ms)")]
    public static partial void Connecting(ILogger logger, string host, int port, int latencyMs);

    [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "SRT uplink: connected to srt://{Host}:{Port} (latency {LatencyMs} ms, connection {Connects})")]
    public static partial void Connected(ILogger logger, string host, int port, int latencyMs, int connects);

    [LoggerMessage(EventId = 7402, Level = LogLevel.Warning, Message = "SRT uplink: cannot reach the hub ({Reason}); retrying with back-off, data queued up to the limit")]
    public static partial void ConnectFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 7403, Level = LogLevel.Error, Message = "SRT uplink: the hub refused the stream ({Reason}); retrying every {DelayMs} ms until the configuration is fixed")]
    public static partial void Refused(ILogger logger, string reason, long delayMs);

    [LoggerMessage(EventId = 7404, Level = LogLevel.Warning, Message = "SRT uplink: lost the hub ({Reason}); reconnecting")]
    public static partial void ConnectionLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 7405, Level = LogLevel.Information, Message = "SRT uplink stopped: {SentBytes} bytes sent live, {DroppedBytes} bytes dropped from the live path")]
    public static partial void Stopped(ILogger logger, long sentBytes, long droppedBytes);

    [LoggerMessage(EventId = 7406, Level = LogLevel.Error, Message = "SRT uplink: a Sampled handler threw; the uplink goes on")]
    public static partial void SampleHandlerFailed(ILogger logger, Exception exception);
}
