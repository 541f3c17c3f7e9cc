using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TiepCongDan.Hub.Registry;

namespace TiepCongDan.Hub.Alerts;

/// <summary>
/// Checks every kiosk of the registry against every rule and opens, updates and closes alerts.
/// Flap damping: an alert opens only after its condition held without a break for ForSeconds, and
/// closes only after it stayed clear without a break for ClearSeconds; a condition flipping faster
/// than that neither opens nor closes anything, and its flips are counted. Thread-safe: one
/// evaluation at a time; acknowledgements and reads may come from any thread.
/// </summary>
public sealed class AlertEngine
{
    // A tracker with no alert is forgotten after its condition stayed clear this long.
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(10);

    private readonly KioskRegistry _registry;
    private readonly AlertStore _store;
    private readonly AlertOutbox _outbox;
    private readonly AlertOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertEngine> _logger;
    private readonly Func<string, bool?>? _selfTestFailed;
    private readonly Dictionary<(string Kiosk, string Rule, string Subject), AlertTracker> _trackers = [];
    private readonly Dictionary<(string Province, string Rule), AlertRuleSettings> _settings = [];
    private readonly BacklogTrend _backlog = new();
    private readonly ConcurrentDictionary<string, long> _flaps = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _loaded;

    public AlertEngine(KioskRegistry registry, AlertStore store, AlertOutbox outbox, IOptions<AlertOptions> options, TimeProvider time,
        ILogger<AlertEngine> logger, SelfTestFailedSource selfTest)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(selfTest);
        _registry = registry;
        _store = store;
        _outbox = outbox;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _selfTestFailed = selfTest.Failed;
    }

    /// <summary>Condition flips seen per rule since the hub started (for /metrics).</summary>
    public IReadOnlyDictionary<string, long> FlapsByRule => _flaps;

    /// <summary>Takes over the alerts a previous run left active, so they can close; idempotent.</summary>
    public int Load()
    {
        lock (_gate)
        {
            if (_loaded)
            {
                return _trackers.Count;
            }

            foreach (var row in _store.Active())
            {
                _trackers[(row.KioskId, row.Rule, row.Subject)] = new AlertTracker(row.Province)
                {
                    AlertId = row.Id,
                    Flaps = row.Flaps,
                    LastValue = row.LastValue,
                    Stored = (row.LastValue, row.Flaps),
                };
            }

            _loaded = true;
            return _trackers.Count;
        }
    }

    /// <summary>One pass over the fleet at the provider's current time; returns (opened, closed).</summary>
    public (int Opened, int Closed) EvaluateOnce()
    {
        Load();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var seen = new HashSet<(string, string, string)>();
            var updates = new List<(long Id, double? Value, int Flaps)>();
            int opened = 0, closed = 0;
            foreach (var kiosk in _registry.All())
            {
                foreach (var condition in AlertRules.Evaluate(kiosk, rule => Settings(kiosk.Province, rule), _backlog, _selfTestFailed, now))
                {
                    var key = (kiosk.DeviceId, condition.Rule, condition.Subject);
                    if (!_trackers.TryGetValue(key, out var tracker))
                    {
                        if (condition.Holds != true)
                        {
                            continue;
                        }

                        tracker = new AlertTracker(kiosk.Province);
                        _trackers[key] = tracker;
                    }

                    seen.Add(key);
                    var settings = Settings(kiosk.Province, condition.Rule);
                    switch (Step(key, tracker, condition, settings, now))
                    {
                        case 1: opened++; break;
                        case -1: closed++; break;
                    }

                    if (tracker.AlertId is { } id && tracker.Stored != (tracker.LastValue, tracker.Flaps))
                    {
                        updates.Add((id, tracker.LastValue, tracker.Flaps));
                        tracker.Stored = (tracker.LastValue, tracker.Flaps);
                    }
                }
            }

            Sweep(seen, now);
            _store.UpdateValues(updates);
            return (opened, closed);
        }
    }

    /// <summary>Active alerts per (rule, province), for tcd_hub_alerts_open.</summary>
    public IReadOnlyDictionary<(string Rule, string Province), int> ActiveCounts()
    {
        Load();
        lock (_gate)
        {
            return _trackers.Where(t => t.Value.AlertId is not null)
                .GroupBy(t => (t.Key.Rule, t.Value.Province))
                .ToDictionary(g => g.Key, g => g.Count());
        }
    }

    public (AckOutcome Outcome, AlertRow? Row) Acknowledge(long id, string user, string comment, IReadOnlySet<string>? allowedProvinces)
    {
        var result = _store.Acknowledge(id, user, comment, _time.GetUtcNow().ToUnixTimeMilliseconds(), allowedProvinces,
            _outbox.For(AlertNotificationEvents.Acknowledged));
        if (result.Outcome == AckOutcome.Acknowledged)
        {
            AlertLog.Acknowledged(_logger, id, user);
        }

        return result;
    }

    public AlertRuleSettings Settings(string province, string rule)
    {
        lock (_settings)
        {
            if (!_settings.TryGetValue((province, rule), out var settings))
            {
                settings = AlertRuleDefaults.Resolve(_options, province, rule);
                _settings[(province, rule)] = settings;
            }

            return settings;
        }
    }

    private int Step((string Kiosk, string Rule, string Subject) key, AlertTracker t, AlertCondition c, AlertRuleSettings settings, DateTimeOffset now)
    {
        if (c.Holds is not { } holds)
        {
            // Unknown breaks both runs: a stale value neither opens nor closes.
            t.HoldSince = null;
            t.ClearSince = null;
            return 0;
        }

        if (t.LastRaw is { } last && last != holds)
        {
            t.Flaps++;
            _flaps.AddOrUpdate(key.Rule, 1, (_, n) => n + 1);
        }

        t.LastRaw = holds;
        if (c.Value is not null)
        {
            t.LastValue = c.Value;
        }

        if (holds)
        {
            t.ClearSince = null;
            t.HoldSince ??= now;
            if (t.AlertId is null && now - t.HoldSince >= TimeSpan.FromSeconds(settings.ForSeconds))
            {
                Open(key, t, settings, now);
                return 1;
            }

            return 0;
        }

        t.HoldSince = null;
        t.ClearSince ??= now;
        if (t.AlertId is { } id && now - t.ClearSince >= TimeSpan.FromSeconds(settings.ClearSeconds))
        {
            var row = _store.Close(id, now.ToUnixTimeMilliseconds(), t.LastValue, t.Flaps, _outbox.For(AlertNotificationEvents.Closed));
            AlertLog.Closed(_logger, id, key.Rule, key.Subject, key.Kiosk, t.Flaps);
            t.AlertId = null;
            t.Flaps = 0;
            return row is null ? 0 : -1;
        }

        return 0;
    }

    private void Open((string Kiosk, string Rule, string Subject) key, AlertTracker t, AlertRuleSettings settings, DateTimeOffset now)
    {
        var (vi, en) = AlertMessages.For(key.Kiosk, key.Rule, key.Subject, t.LastValue, settings);
        var row = _store.Open(new AlertRow
        {
            KioskId = key.Kiosk,
            Province = t.Province,
            Rule = key.Rule,
            Subject = key.Subject,
            Severity = settings.Severity,
            State = AlertState.Open,
            OpenedAtMs = now.ToUnixTimeMilliseconds(),
            LastValue = t.LastValue,
            Flaps = 0,
            MessageVi = vi,
            MessageEn = en,
        }, _outbox.For(AlertNotificationEvents.Opened));
        t.AlertId = row.Id;
        t.Flaps = 0;
        t.Stored = (t.LastValue, 0);
        AlertLog.Opened(_logger, row.Id, key.Rule, key.Subject, key.Kiosk, settings.Severity);
    }

    private void Sweep(HashSet<(string, string, string)> seen, DateTimeOffset now)
    {
        var forget = new List<(string, string, string)>();
        foreach (var (key, t) in _trackers)
        {
            if (!seen.Contains(key))
            {
                // The kiosk or the peripheral is gone from the registry: nothing to judge.
                t.HoldSince = null;
                t.ClearSince = null;
                if (t.AlertId is null)
                {
                    forget.Add(key);
                }
            }
            else if (t.AlertId is null && t.ClearSince is { } clear && now - clear > ForgetAfter)
            {
                forget.Add(key);
            }
        }

        foreach (var key in forget)
        {
            _trackers.Remove(key);
        }
    }
}
