using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>Log lines of the ffmpeg supervisor (EventIds 7100-7119). Never media content: only settings, pids and reasons.</summary>
internal static partial class FfmpegLog
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "ffmpeg started (pid {Pid}): {Width}x{Height}@{Fps} {VideoKbps} kbit/s {Encoder}, ts offset {OffsetSeconds:0.###} s, frame offset {FrameOffset}")]
    public static partial void Started(ILogger logger, int pid, int width, int height, int fps, int videoKbps, EncoderKind encoder, double offsetSeconds, long frameOffset);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "ffmpeg (pid {Pid}) exited with code {ExitCode} after {RunSeconds:0.0} s: {Reason}; restart {Restart} in {DelayMs} ms")]
    public static partial void Crashed(ILogger logger, int pid, int exitCode, double runSeconds, string reason, int restart, long delayMs);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Capture device missing, waiting for it: {Reason}")]
    public static partial void DeviceAbsent(ILogger logger, string reason);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "Capture devices present again")]
    public static partial void DevicesBack(ILogger logger);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Information, Message = "Ladder change: restarting ffmpeg at {Width}x{Height}@{Fps} {VideoKbps} kbit/s")]
    public static partial void LadderRestart(ILogger logger, int width, int height, int fps, int videoKbps);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Information, Message = "Camera mode negotiated: {Note}")]
    public static partial void Negotiated(ILogger logger, string note);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Error, Message = "Cannot start ffmpeg: {Reason}; retrying in {DelayMs} ms")]
    public static partial void StartFailed(ILogger logger, string reason, long delayMs);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Information, Message = "ffmpeg supervisor stopped")]
    public static partial void Stopped(ILogger logger);
}
