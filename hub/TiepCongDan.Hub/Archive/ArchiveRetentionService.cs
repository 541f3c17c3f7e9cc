using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// Deletes sessions past Hub:Media:Archive:RetentionDays (never those under legal hold), once at start and
/// then hourly; each deletion is logged and recorded in archive_deletions.
/// </summary>
internal sealed class ArchiveRetentionService(SessionArchive archive, TimeProvider time, ILogger<ArchiveRetentionService> logger)
    : ArchivePeriodicService(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task RunPassAsync(CancellationToken cancellationToken)
    {
        archive.DeleteExpired(Time.GetUtcNow());
        return Task.CompletedTask;
    }
}
