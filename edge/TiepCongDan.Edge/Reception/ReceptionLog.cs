using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Reception;

/// <summary>Log lines of the reception flow (EventIds 7900-7929). Never a citizen: the masked ID at most.</summary>
internal static partial class ReceptionLog
{
    [LoggerMessage(EventId = 7900, Level = LogLevel.Information, Message = "Reception {SessionId} #{Seq}: {From} -> {To} ({Trigger})")]
    public static partial void Transition(ILogger logger, string sessionId, int seq, string from, string to, string trigger);

    [LoggerMessage(EventId = 7901, Level = LogLevel.Debug, Message = "Reception input {Input} ignored in {State}")]
    public static partial void Ignored(ILogger logger, string input, ReceptionState state);

    [LoggerMessage(EventId = 7902, Level = LogLevel.Error, Message = "Reception journal refused event #{Seq} of {SessionId}: {Reason}")]
    public static partial void JournalFailed(ILogger logger, int seq, string sessionId, string reason, Exception exception);

    [LoggerMessage(EventId = 7903, Level = LogLevel.Error, Message = "Reception input {Input} failed in {State}")]
    public static partial void InputFailed(ILogger logger, string input, ReceptionState state, Exception exception);

    [LoggerMessage(EventId = 7904, Level = LogLevel.Information, Message = "Reception {SessionId}: citizen {MaskedId} identified ({Source}, {Authenticity})")]
    public static partial void Identified(ILogger logger, string sessionId, string maskedId, string source, string authenticity);

    [LoggerMessage(EventId = 7905, Level = LogLevel.Warning, Message = "Reception {SessionId}: card read failed: {Reason}")]
    public static partial void ReadFailed(ILogger logger, string sessionId, string reason);

    [LoggerMessage(EventId = 7906, Level = LogLevel.Warning, Message = "Reception {SessionId}: media session could not start: {Reason}")]
    public static partial void MediaStartFailed(ILogger logger, string sessionId, string reason);

    [LoggerMessage(EventId = 7907, Level = LogLevel.Warning, Message = "Reception {SessionId}: media session could not stop: {Reason}")]
    public static partial void MediaStopFailed(ILogger logger, string sessionId, string reason);

    [LoggerMessage(EventId = 7908, Level = LogLevel.Warning, Message = "Reception {SessionId} was open when the edge stopped (last #{Seq} in {State}): closed as interrupted")]
    public static partial void ClosedInterrupted(ILogger logger, string sessionId, int seq, string state);

    [LoggerMessage(EventId = 7909, Level = LogLevel.Warning, Message = "Reception presenter {Presenter} failed")]
    public static partial void PresenterFailed(ILogger logger, string presenter, Exception exception);

    [LoggerMessage(EventId = 7910, Level = LogLevel.Warning, Message = "Reception {SessionId}: uplink {Change} while live")]
    public static partial void LinkChanged(ILogger logger, string sessionId, string change);

    [LoggerMessage(EventId = 7911, Level = LogLevel.Information, Message = "Scanned code is not a CCCD QR or MRZ: {Reason}")]
    public static partial void WrongCode(ILogger logger, string reason);

    [LoggerMessage(EventId = 7912, Level = LogLevel.Information, Message = "Reception flow ready (kiosk {KioskId}; card reader: {Reader}; buttons: {Buttons}; media: {Media})")]
    public static partial void Ready(ILogger logger, string kioskId, bool reader, bool buttons, bool media);

    [LoggerMessage(EventId = 7913, Level = LogLevel.Warning, Message = "Reception input source {Source} stopped: {Reason}")]
    public static partial void SourceStopped(ILogger logger, string source, string reason);
}
