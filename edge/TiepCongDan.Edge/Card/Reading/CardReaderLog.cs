using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Card.Reading;

/// <summary>Log lines of the chip reader. IDs appear only masked; names, dates and addresses never.</summary>
internal static partial class CardReaderLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Card read started with {Key}")]
    public static partial void ReadStarted(ILogger logger, string key);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Chip opened with {Protocol} ({Detail})")]
    public static partial void AccessEstablished(ILogger logger, string protocol, string detail);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "PACE did not open the chip ({Reason}); falling back to BAC")]
    public static partial void PaceFallback(ILogger logger, string reason);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "BAC key '{Label}' refused ({Index} of {Count})")]
    public static partial void BacCandidateRefused(ILogger logger, string label, int index, int count);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Secure messaging broke during the read ({Reason}); running access control again")]
    public static partial void SecureMessagingRetry(ILogger logger, string reason);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "Card {MaskedId} read with {Protocol} in {Milliseconds} ms: authenticity {Authenticity} ({Reason}); active authentication {Active}")]
    public static partial void ReadCompleted(ILogger logger, string maskedId, string protocol, long milliseconds, string authenticity, string reason, string active);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "Card read failed ({Failure}): {Reason}")]
    public static partial void ReadFailed(ILogger logger, CardReadFailure failure, string reason);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Information, Message = "EF.CardAccess: {Detail}")]
    public static partial void CardAccessFile(ILogger logger, string detail);
}
