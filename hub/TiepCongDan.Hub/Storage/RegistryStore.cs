using System.Text.Json;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Registry;

namespace TiepCongDan.Hub.Storage;

/// <summary>Moves the registry to and from SQLite: kiosk rows in batches, history samples, retention.</summary>
public sealed class RegistryStore
{
    private readonly HubDatabase _database;

    public RegistryStore(HubDatabase database) => _database = database;

    /// <summary>Loads every stored kiosk into the registry, all marked offline until their next birth.</summary>
    public int LoadInto(KioskRegistry registry)
    {
        var rows = _database.Run(c => c.Table<KioskRow>().ToList());
        foreach (var row in rows.Where(r => KioskId.IsValid(r.Id)))
        {
            var record = new KioskRecord(row.Id, row.Province, row.Commune)
            {
                LastSeen = row.LastSeenMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(row.LastSeenMs) : null,
                BdSeq = row.BdSeq >= 0 ? row.BdSeq : null,
            };
            foreach (var (name, value) in Deserialize<Dictionary<string, JsonElement>>(row.MetricsJson))
            {
                record.Metrics[name] = MetricValues.FromJson(value);
            }

            foreach (var (name, device) in Deserialize<Dictionary<string, DeviceState>>(row.DevicesJson))
            {
                record.Devices[name] = device;
            }

            registry.Restore(record);
        }

        return rows.Count;
    }

    /// <summary>Writes the given kiosks in one transaction.</summary>
    public void Save(IReadOnlyCollection<KioskSnapshot> kiosks)
    {
        if (kiosks.Count == 0)
        {
            return;
        }

        var rows = kiosks.Select(ToRow).ToList();
        _database.RunInTransaction(c =>
        {
            foreach (var row in rows)
            {
                c.InsertOrReplace(row);
            }
        });
    }

    public void AppendHistory(IReadOnlyCollection<KioskSnapshot> kiosks, DateTimeOffset now)
    {
        var rows = kiosks.Where(k => k.Metrics.Count > 0).Select(k => new HistoryRow
        {
            KioskId = k.DeviceId,
            TimestampMs = now.ToUnixTimeMilliseconds(),
            Online = k.Online,
            Healthy = k.Online && k.Devices.Values.All(d => d.Status is not ("absent" or "faulty")),
            CpuLoad = Metric(k, NodeMetrics.CpuLoad),
            CpuTemperature = Metric(k, NodeMetrics.CpuTemperature),
            MemoryAvailable = Metric(k, NodeMetrics.MemoryAvailable),
            DiskFree = Metric(k, NodeMetrics.DiskFree),
            HubRtt = Metric(k, NodeMetrics.HubRtt),
            UplinkKbps = Metric(k, MediaMetrics.UplinkKbps),
            UplinkLossPercent = Metric(k, MediaMetrics.UplinkLossPercent),
        }).ToList();
        if (rows.Count > 0)
        {
            _database.RunInTransaction(c => c.InsertAll(rows, runInTransaction: false));
        }
    }

    /// <summary>Writes values a kiosk replayed after an outage at the time they were measured.</summary>
    public void AppendHistorical(IReadOnlyList<HistoricalSample> samples)
    {
        if (samples.Count == 0)
        {
            return;
        }

        var rows = samples.GroupBy(s => (s.KioskId, s.TimestampMs)).Select(g =>
        {
            var row = new HistoryRow { KioskId = g.Key.KioskId, TimestampMs = g.Key.TimestampMs, Online = true };
            foreach (var sample in g)
            {
                switch (sample.Name)
                {
                    case NodeMetrics.CpuLoad: row.CpuLoad = sample.Value; break;
                    case NodeMetrics.CpuTemperature: row.CpuTemperature = sample.Value; break;
                    case NodeMetrics.MemoryAvailable: row.MemoryAvailable = sample.Value; break;
                    case NodeMetrics.DiskFree: row.DiskFree = sample.Value; break;
                    case NodeMetrics.HubRtt: row.HubRtt = sample.Value; break;
                    case MediaMetrics.UplinkKbps: row.UplinkKbps = sample.Value; break;
                    case MediaMetrics.UplinkLossPercent: row.UplinkLossPercent = sample.Value; break;
                }
            }

            return row;
        }).ToList();
        _database.RunInTransaction(c => c.InsertAll(rows, runInTransaction: false));
    }

    /// <summary>The metric names the history keeps.</summary>
    public static bool IsHistoryMetric(string name) => name is NodeMetrics.CpuLoad or NodeMetrics.CpuTemperature
        or NodeMetrics.MemoryAvailable or NodeMetrics.DiskFree or NodeMetrics.HubRtt or MediaMetrics.UplinkKbps or MediaMetrics.UplinkLossPercent;

    public IReadOnlyList<HistoryRow> History(string kioskId, DateTimeOffset from, DateTimeOffset to)
    {
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        return _database.Run(c => c.Table<HistoryRow>()
            .Where(h => h.KioskId == kioskId && h.TimestampMs >= fromMs && h.TimestampMs <= toMs)
            .OrderBy(h => h.TimestampMs)
            .Take(10_000)
            .ToList());
    }

    public int DeleteHistoryBefore(DateTimeOffset cutoff)
    {
        var cutoffMs = cutoff.ToUnixTimeMilliseconds();
        return _database.Run(c => c.Execute("DELETE FROM history WHERE ts < ?", cutoffMs));
    }

    private static double? Metric(KioskSnapshot kiosk, string name) =>
        kiosk.Metrics.TryGetValue(name, out var value) ? MetricValues.ToDouble(value) : null;

    private static KioskRow ToRow(KioskSnapshot k) => new()
    {
        Id = k.DeviceId,
        Province = k.Province,
        Commune = k.Commune,
        Online = k.Online,
        LastSeenMs = k.LastSeen?.ToUnixTimeMilliseconds() ?? 0,
        BdSeq = k.BdSeq ?? -1,
        MetricsJson = JsonSerializer.Serialize(k.Metrics),
        DevicesJson = JsonSerializer.Serialize(k.Devices),
    };

    private static T Deserialize<T>(string json) where T : new()
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json) ?? new T();
        }
        catch (JsonException)
        {
            // A damaged row loses its metrics, not the kiosk: the next birth refills them.
            return new T();
        }
    }
}
