using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Screen;

/// <summary>Log lines of the kiosk screen and the display power (EventIds 8700-8749). Never the citizen's name.</summary>
internal static partial class KioskScreenLog
{
    [LoggerMessage(EventId = 8700, Level = LogLevel.Information, Message = "Kiosk page served on {Url} (loopback only)")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(EventId = 8701, Level = LogLevel.Debug, Message = "Screen shows {State}")]
    public static partial void Shown(ILogger logger, string state);

    [LoggerMessage(EventId = 8702, Level = LogLevel.Warning, Message = "Refused a request for host '{Host}' (only 127.0.0.1 is served)")]
    public static partial void ForeignHost(ILogger logger, string host);

    [LoggerMessage(EventId = 8703, Level = LogLevel.Warning, Message = "A kiosk page request failed: {Reason}")]
    public static partial void RequestFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8710, Level = LogLevel.Information, Message = "Display switched {Power} ({Reason})")]
    public static partial void DisplaySwitched(ILogger logger, string power, string reason);

    [LoggerMessage(EventId = 8711, Level = LogLevel.Error, Message = "Cannot switch the display {Power}: {Reason}")]
    public static partial void DisplaySwitchFailed(ILogger logger, string power, string reason);
}
