using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Hub.Options;
using TiepCongDan.Hub.Registry;
using TiepCongDan.Hub.Sparkplug;

namespace TiepCongDan.Hub.Storage;

/// <summary>
/// Writes changed kiosks to SQLite once a second in one transaction (never per message, so 5,000
/// kiosks cost one small transaction a second), samples the history, applies retention and the
/// silent-kiosk fallback. Loads the stored registry before anything else starts.
/// </summary>
public sealed class RegistryFlusher : BackgroundService
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private readonly KioskRegistry _registry;
    private readonly RegistryStore _store;
    private readonly SparkplugIngest _ingest;
    private readonly HubDatabase _database;
    private readonly FleetOptions _fleet;
    private readonly TimeProvider _time;
    private readonly ILogger<RegistryFlusher> _logger;
    private DateTimeOffset _nextHistory;
    private DateTimeOffset _nextRetention;

    public RegistryFlusher(KioskRegistry registry, RegistryStore store, SparkplugIngest ingest, HubDatabase database,
        IOptions<HubOptions> options, TimeProvider time, ILogger<RegistryFlusher> logger)
    {
        _registry = registry;
        _store = store;
        _ingest = ingest;
        _database = database;
        _fleet = options.Value.Fleet;
        _time = time;
        _logger = logger;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Synchronously, before the primary host connects, so a birth is never overwritten by old rows.
        var count = _store.LoadInto(_registry);
        StoreLog.Loaded(_logger, count, _database.Path);
        var now = _time.GetUtcNow();
        _nextHistory = now + TimeSpan.FromSeconds(_fleet.HistoryIntervalSeconds);
        _nextRetention = now;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Tick();
            }
        }
        catch (OperationCanceledException)
        {
            // stopping: the final flush is in StopAsync
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Flush();
    }

    /// <summary>One pass of every duty; public so tests can force it.</summary>
    public void Tick()
    {
        _ingest.SweepSilent(TimeSpan.FromSeconds(_fleet.OfflineGraceSeconds));
        Flush();
        var now = _time.GetUtcNow();
        try
        {
            _store.AppendHistorical(_registry.TakeHistorical());
            if (now >= _nextHistory)
            {
                _nextHistory = now + TimeSpan.FromSeconds(_fleet.HistoryIntervalSeconds);
                _store.AppendHistory(_registry.All().Where(k => k.Online).ToList(), now);
            }

            if (now >= _nextRetention)
            {
                _nextRetention = now + TimeSpan.FromHours(1);
                var deleted = _store.DeleteHistoryBefore(now - TimeSpan.FromDays(_fleet.HistoryRetentionDays));
                if (deleted > 0)
                {
                    StoreLog.RetentionApplied(_logger, deleted, _fleet.HistoryRetentionDays);
                }
            }
        }
        catch (Exception ex)
        {
            StoreLog.FlushFailed(_logger, ex);
        }
    }

    public void Flush()
    {
        var ids = _registry.TakeDirty();
        if (ids.Count == 0)
        {
            return;
        }

        var snapshots = ids.Select(_registry.Get).OfType<KioskSnapshot>().ToList();
        try
        {
            _store.Save(snapshots);
        }
        catch (Exception ex)
        {
            StoreLog.FlushFailed(_logger, ex);
            foreach (var id in ids)
            {
                _registry.MarkDirty(id);
            }
        }
    }
}
