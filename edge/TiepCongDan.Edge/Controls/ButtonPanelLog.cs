using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Controls;

/// <summary>Log lines of the button panel (EventIds 8600-8699). Button presses are not personal data but are logged at Debug: a rating is the citizen's opinion.</summary>
internal static partial class ButtonPanelLog
{
    [LoggerMessage(EventId = 8600, Level = LogLevel.Information, Message = "Button panel '{Board}' ready ({Driver}, chip {Chip}, {Source})")]
    public static partial void Ready(ILogger logger, string board, string driver, string chip, string source);

    [LoggerMessage(EventId = 8601, Level = LogLevel.Debug, Message = "Button {Role}: {Kind}")]
    public static partial void ButtonEvent(ILogger logger, ButtonRole role, ButtonEventKind kind);

    [LoggerMessage(EventId = 8602, Level = LogLevel.Warning, Message = "Button {Role} is stuck (held longer than {StuckSeconds} s); ignored until released")]
    public static partial void Stuck(ILogger logger, ButtonRole role, double stuckSeconds);

    [LoggerMessage(EventId = 8603, Level = LogLevel.Information, Message = "Button {Role} released after being stuck; it works again")]
    public static partial void Recovered(ILogger logger, ButtonRole role);

    [LoggerMessage(EventId = 8604, Level = LogLevel.Warning, Message = "The button event queue is full; the oldest event was dropped (nobody reads the panel's events?)")]
    public static partial void QueueFull(ILogger logger);

    [LoggerMessage(EventId = 8605, Level = LogLevel.Error, Message = "A ButtonChanged handler threw; the panel carries on")]
    public static partial void HandlerFailed(ILogger logger, Exception exception);
}
