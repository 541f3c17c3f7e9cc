using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// Seals sessions as they become complete. Polls (every 2 s) rather than hooking the upload service, so
/// segments arriving by any path (live ingest, kiosk upload, after a hub restart) are all covered.
/// </summary>
internal sealed class ArchiveSealingService : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly SessionArchive _archive;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ArchiveSealingService(SessionArchive archive, TimeProvider time, ILogger<ArchiveSealingService> logger)
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
                await _archive.SealReadyAsync(stoppingToken);
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
