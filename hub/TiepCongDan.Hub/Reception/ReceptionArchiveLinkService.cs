using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Hub.Options;

namespace TiepCongDan.Hub.Reception;

/// <summary>Runs <see cref="ReceptionArchiveLink"/> every Hub:Reception:ArchiveLinkIntervalSeconds; a failed pass is logged and retried.</summary>
internal sealed class ReceptionArchiveLinkService(ReceptionArchiveLink link, IOptions<HubOptions> options, TimeProvider time, ILogger<ReceptionArchiveLinkService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.Reception.ArchiveLinkIntervalSeconds), time);
        try
        {
            do
            {
                try
                {
                    await link.LinkPendingAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    ReceptionLog.PassFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // The hub is stopping.
        }
    }
}
