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

    [LoggerMessage(EventId = 7704, Level = LogLevel.Debug, Message = "Voice prompt {Prompt} interrupted")]
    public static partial void Interrupted(ILogger logger, VoicePromptId prompt);
}
