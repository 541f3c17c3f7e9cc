using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Reception;

/// <summary>Log lines of the reception register (event ids 6800-6849). Session ids and user names only: never a citizen.</summary>
internal static partial class ReceptionLog
{
    [LoggerMessage(6800, LogLevel.Information, "Reception events from kiosk {KioskId}: {Accepted} new, {Duplicates} already held")]
    public static partial void EventsReceived(ILogger logger, string kioskId, int accepted, int duplicates);

    [LoggerMessage(6801, LogLevel.Warning, "Reception events from kiosk {KioskId} refused ({Status}): {Reason}")]
    public static partial void EventsRefused(ILogger logger, string kioskId, int status, string reason);

    [LoggerMessage(6802, LogLevel.Information, "Reception session {SessionId} closed: {Outcome}")]
    public static partial void SessionClosed(ILogger logger, string sessionId, string outcome);

    [LoggerMessage(6803, LogLevel.Information, "Archive session {SessionId} given the reception's case kind '{CaseKind}' (citizen reference: {WithCitizen})")]
    public static partial void ArchiveLinked(ILogger logger, string sessionId, string caseKind, bool withCitizen);

    [LoggerMessage(6804, LogLevel.Warning, "Archive session {SessionId} could not take the reception's metadata: {Reason}")]
    public static partial void ArchiveLinkFailed(ILogger logger, string sessionId, string reason);

    [LoggerMessage(6805, LogLevel.Information, "Audit: user {User} read the full citizen of reception session {SessionId}")]
    public static partial void CitizenRead(ILogger logger, string user, string sessionId);

    [LoggerMessage(6806, LogLevel.Information, "Retention: citizen data of {Count} reception sessions older than {Days} days wiped ({Held} kept under legal hold)")]
    public static partial void CitizensWiped(ILogger logger, int count, int days, int held);

    [LoggerMessage(6807, LogLevel.Error, "Reception pass failed; retried at the next tick")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(6808, LogLevel.Error, "The stored citizen of reception session {SessionId} cannot be decrypted (altered, or the reception key changed)")]
    public static partial void CitizenUnreadable(ILogger logger, string sessionId);
}
