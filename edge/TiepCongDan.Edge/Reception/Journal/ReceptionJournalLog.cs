using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Reception.Journal;

/// <summary>Log lines of the reception journal and its uploader (EventIds 7800-7849). Session ids and seqs only, never a citizen.</summary>
internal static partial class ReceptionJournalLog
{
    [LoggerMessage(EventId = 7800, Level = LogLevel.Error, Message = "Reception journal {Path} could not be read ({Reason}); moved aside to {Aside} and a new journal started. Events not yet sent from the old file need a technician")]
    public static partial void Quarantined(ILogger logger, string path, string aside, string reason);

    [LoggerMessage(EventId = 7801, Level = LogLevel.Error, Message = "Reception event {SessionId}/{Seq} cannot be read back from the journal ({Reason}); parked, not sent")]
    public static partial void UnreadableRow(ILogger logger, string sessionId, int seq, string reason);

    [LoggerMessage(EventId = 7802, Level = LogLevel.Information, Message = "Reception journal: {Count} events older than {Retention} deleted")]
    public static partial void Purged(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(EventId = 7810, Level = LogLevel.Information, Message = "Reception events sent: {Sent} in the batch, hub accepted {Accepted} new and {Duplicates} already held; {Pending} still pending")]
    public static partial void BatchAcknowledged(ILogger logger, int sent, int accepted, int duplicates, long pending);

    [LoggerMessage(EventId = 7811, Level = LogLevel.Warning, Message = "Reception upload paused ({Reason}); retrying in {DelayMs} ms, {Pending} events kept")]
    public static partial void RetryLater(ILogger logger, string reason, long delayMs, long pending);

    [LoggerMessage(EventId = 7812, Level = LogLevel.Warning, Message = "The hub refused a batch of {Count} reception events (HTTP {Status}: {HubError}); sending them one by one")]
    public static partial void BatchRefused(ILogger logger, int count, int status, string hubError);

    [LoggerMessage(EventId = 7813, Level = LogLevel.Error, Message = "The hub refused reception event {SessionId}/{Seq} (HTTP {Status}: {HubError}); parked on the kiosk, {Parked} parked in all")]
    public static partial void EventParked(ILogger logger, string sessionId, int seq, int status, string hubError, long parked);

    [LoggerMessage(EventId = 7814, Level = LogLevel.Information, Message = "Reception upload disabled (Edge:ReceptionJournal:UploadEnabled=false); {Pending} events kept on the kiosk")]
    public static partial void UploadDisabled(ILogger logger, long pending);
}
