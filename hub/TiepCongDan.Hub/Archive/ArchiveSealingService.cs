using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// Seals sessions as they become complete. Polls (every 2 s) rather than hooking the upload service, so
/// segments arriving by any path (live ingest, kiosk upload, after a hub restart) are all covered.
/// </summary>
internal sealed class ArchiveSealingService(SessionArchive archive, TimeProvider time, ILogger<ArchiveSealingService> logger)
    : ArchivePeriodicService(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(2);

    protected override Task RunPassAsync(CancellationToken cancellationToken) => archive.SealReadyAsync(cancellationToken);
}
