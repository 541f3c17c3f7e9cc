using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// Deletes sessions past Hub:Media:Archive:RetentionDays (never those under legal hold), once at start and
/// then hourly; each deletion is logged and recorded in archive_deletions. A failed pass is logged and
/// retried at the next tick: retention must never stop the hub.
/// </summary>
internal sealed class ArchiveRetentionService : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly SessionArchive _archive;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ArchiveRetentionService(SessionArchive archive, TimeProvider time, ILogger<ArchiveRetentionService> logger)
    {
        _archive = archive;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        do
        {
            try
            {
                _archive.DeleteExpired(_time.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ArchiveLog.PassFailed(_logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
