using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Voice;

/// <summary>Log lines of the spoken guidance (EventIds 7700-7719). Prompts are fixed sentences: no personal data.</summary>
internal static partial class VoiceLog
{
    [LoggerMessage(EventId = 7700, Level = LogLevel.Debug, Message = "Rendered voice prompt {Prompt} to {Path}")]
    public static partial void Rendered(ILogger logger, VoicePromptId prompt, string path);

    [LoggerMessage(EventId = 7701, Level = LogLevel.Debug, Message = "Speaking {Prompt} (playback {Number}, gain {Gain})")]
    public static partial void Speaking(ILogger logger, VoicePromptId prompt, long number, double gain);

    [LoggerMessage(EventId = 7702, Level = LogLevel.Debug, Message = "Voice prompt {Prompt} not spoken: {Reason}")]
    public static partial void Suppressed(ILogger logger, VoicePromptId prompt, string reason);

    [LoggerMessage(EventId = 7703, Level = LogLevel.Warning, Message = "Voice prompt {Prompt} could not be spoken: {Reason}")]
    public static partial void Failed(ILogger logger, VoicePromptId prompt, string reason);

    [LoggerMessage(EventId = 7707, Level = LogLevel.Debug, Message = "Voice prompt {Prompt} could not be spoken either (voice still failing): {Reason}")]
    public static partial void StillFailing(ILogger logger, VoicePromptId prompt, string reason);

    [LoggerMessage(EventId = 7704, Level = LogLevel.Debug, Message = "Voice prompt {Prompt} interrupted")]
    public static partial void Interrupted(ILogger logger, VoicePromptId prompt);

    [LoggerMessage(EventId = 7705, Level = LogLevel.Information, Message = "Voice prompts ready: {Count} in {Directory}")]
    public static partial void WarmedUp(ILogger logger, int count, string directory);

    [LoggerMessage(EventId = 7706, Level = LogLevel.Warning, Message = "Voice prompts could not be rendered in the background; each is tried again when first spoken: {Reason}")]
    public static partial void WarmupFailed(ILogger logger, string reason);
}
