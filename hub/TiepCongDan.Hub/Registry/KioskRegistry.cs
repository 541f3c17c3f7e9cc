using System.Collections.Concurrent;
using TiepCongDan.Contracts.Fleet;

namespace TiepCongDan.Hub.Registry;

/// <summary>
/// The hub's in-memory view of the fleet.
/// Thread-safety contract: every member may be called from any thread. The dictionary is
/// concurrent; a <see cref="KioskRecord"/> is changed only inside <see cref="Update"/>, which holds
/// the record's lock, so readers always get a consistent <see cref="KioskSnapshot"/>.
/// <see cref="Changed"/> is raised outside the lock, possibly concurrently for different kiosks.
/// </summary>
public sealed class KioskRegistry
{
    private readonly ConcurrentDictionary<string, KioskRecord> _kiosks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<HistoricalSample> _historical = new();
    private int _online;

    /// <summary>Raised after a kiosk changed, with its id.</summary>
    public event Action<string>? Changed;

    public int Count => _kiosks.Count;

    public int OnlineCount => Volatile.Read(ref _online);

    public bool Contains(string kioskId) => _kiosks.ContainsKey(kioskId);

    public KioskSnapshot? Get(string kioskId)
    {
        if (!_kiosks.TryGetValue(kioskId, out var record))
        {
            return null;
        }

        lock (record.Gate)
        {
            return record.Snapshot();
        }
    }

    public IReadOnlyList<KioskSnapshot> All()
    {
        var list = new List<KioskSnapshot>(_kiosks.Count);
        foreach (var record in _kiosks.Values)
        {
            lock (record.Gate)
            {
                list.Add(record.Snapshot());
            }
        }

        list.Sort((a, b) => string.CompareOrdinal(a.DeviceId, b.DeviceId));
        return list;
    }

    /// <summary>Changes one kiosk under its lock, creating it when new; the function returns whether anything changed.</summary>
    public T Update<T>(string kioskId, Func<KioskRecord, (bool Changed, T Result)> change)
    {
        var record = _kiosks.GetOrAdd(kioskId, static id => new KioskRecord(id, KioskId.ProvinceOf(id), CommuneOf(id)));
        bool changed;
        T result;
        lock (record.Gate)
        {
            var wasOnline = record.Online;
            (changed, result) = change(record);
            if (wasOnline != record.Online)
            {
                Interlocked.Add(ref _online, record.Online ? 1 : -1);
            }
        }

        if (changed)
        {
            _dirty[kioskId] = 0;
            Changed?.Invoke(kioskId);
        }

        return result;
    }

    /// <summary>Puts a kiosk loaded from the store; always offline, because a stale "online" must never be shown.</summary>
    public void Restore(KioskRecord record)
    {
        record.Online = false;
        record.BornThisSession = false;
        _kiosks[record.KioskId] = record;
    }

    /// <summary>Takes the ids changed since the last call (for the store's batch writer).</summary>
    public IReadOnlyList<string> TakeDirty()
    {
        var ids = new List<string>(_dirty.Count);
        foreach (var id in _dirty.Keys)
        {
            if (_dirty.TryRemove(id, out _))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>Keeps replayed (is_historical) values until the store writes them into the history.</summary>
    public void AddHistorical(HistoricalSample sample)
    {
        // Bounded: a flood of replays must not grow memory if the store is stuck.
        if (_historical.Count < 100_000)
        {
            _historical.Enqueue(sample);
        }
    }

    public IReadOnlyList<HistoricalSample> TakeHistorical()
    {
        var list = new List<HistoricalSample>();
        while (_historical.TryDequeue(out var sample))
        {
            list.Add(sample);
        }

        return list;
    }

    /// <summary>Queues a kiosk for the next store write again (after a failed write).</summary>
    public void MarkDirty(string kioskId) => _dirty[kioskId] = 0;

    public IReadOnlyList<string> OnlineIds() =>
        _kiosks.Values.Where(r => { lock (r.Gate) { return r.Online; } }).Select(r => r.KioskId).ToList();

    public static string CommuneOf(string kioskId) => kioskId.Length >= 8 ? kioskId.Substring(3, 5) : string.Empty;
}
