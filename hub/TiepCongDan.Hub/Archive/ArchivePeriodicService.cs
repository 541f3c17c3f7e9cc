using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// An archive job run at start and then every <see cref="Interval"/>; a failed pass is logged and
/// retried at the next tick, never stopping the hub.
/// </summary>
internal abstract class ArchivePeriodicService(TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected TimeProvider Time { get; } = time;

    protected abstract Task RunPassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        do
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ArchiveLog.PassFailed(logger, ex);
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
