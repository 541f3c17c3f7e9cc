using Microsoft.Extensions.Logging;
using TiepCongDan.Hub.Archive;

namespace TiepCongDan.Hub.Reception;

/// <summary>
/// Keeps citizen data no longer than the archive keeps the session (Hub:Media:Archive:RetentionDays,
/// 0 = for ever): at start and hourly, the encrypted citizen of older sessions is wiped unless their
/// archive session is under legal hold. The rest of the record stays for the statistics.
/// </summary>
internal sealed class ReceptionRetentionService(ReceptionRegister register, SessionArchive archive, TimeProvider time, ILogger<ReceptionRetentionService> logger)
    : BackgroundService
{
    /// <summary>Wipes what is due now; returns the sessions wiped.</summary>
    public IReadOnlyList<string> WipeExpired()
    {
        if (archive.RetentionDays <= 0)
        {
            return [];
        }

        var cutoff = time.GetUtcNow().AddDays(-archive.RetentionDays).ToUnixTimeMilliseconds();
        var wiped = new List<string>();
        var held = 0;
        foreach (var row in register.CitizensOlderThan(cutoff))
        {
            if (archive.Catalog.Find(row.Id) is { LegalHold: true })
            {
                held++;
                continue;
            }

            register.WipeCitizen(row.Id);
            wiped.Add(row.Id);
        }

        if (wiped.Count > 0 || held > 0)
        {
            ReceptionLog.CitizensWiped(logger, wiped.Count, archive.RetentionDays, held);
        }

        return wiped;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        try
        {
            do
            {
                try
                {
                    WipeExpired();
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
