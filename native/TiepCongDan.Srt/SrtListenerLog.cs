using Microsoft.Extensions.Logging;

namespace TiepCongDan.Srt;

/// <summary>Log lines of the SRT listener (EventIds 3100-3119). Stream ids may name a session, never a person.</summary>
internal static partial class SrtListenerLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "SRT port {Port}: refused caller {Peer} with code {Code}")]
    public static partial void Rejected(ILogger logger, int port, string peer, int code);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "SRT port {Port}: the accept decision threw; caller refused with 1500")]
    public static partial void DecisionFailed(ILogger logger, int port, Exception exception);
}
