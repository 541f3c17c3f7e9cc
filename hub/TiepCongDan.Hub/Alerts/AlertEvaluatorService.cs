using Microsoft.Extensions.Options;

namespace TiepCongDan.Hub.Alerts;

/// <summary>Runs <see cref="AlertEngine.EvaluateOnce"/> every EvaluationIntervalSeconds on the hub's TimeProvider, and prunes old history daily.</summary>
public sealed class AlertEvaluatorService : BackgroundService
{
    private readonly AlertEngine _engine;
    private readonly AlertStore _store;
    private readonly AlertOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertEvaluatorService> _logger;

    public AlertEvaluatorService(AlertEngine engine, AlertStore store, IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertEvaluatorService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _engine = engine;
        _store = store;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var active = _engine.Load();
        AlertLog.Started(_logger, active, _options.EvaluationIntervalSeconds, _options.Webhooks.Count);
        var lastPrune = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.EvaluationIntervalSeconds), _time);
        do
        {
            try
            {
                _engine.EvaluateOnce();
                var now = _time.GetUtcNow();
                if (now - lastPrune > TimeSpan.FromDays(1))
                {
                    _store.Prune((now - TimeSpan.FromDays(_options.HistoryRetentionDays)).ToUnixTimeMilliseconds());
                    lastPrune = now;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AlertLog.EvaluationFailed(_logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken token)
    {
        try
        {
            return await timer.WaitForNextTickAsync(token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
