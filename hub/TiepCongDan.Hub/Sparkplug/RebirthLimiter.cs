using System.Collections.Concurrent;

namespace TiepCongDan.Hub.Sparkplug;

/// <summary>
/// At most one rebirth request per kiosk per interval: a node with a broken sequence would
/// otherwise be flooded with NCMDs while its NBIRTH is on the way. Thread-safe.
/// </summary>
public sealed class RebirthLimiter
{
    private readonly ConcurrentDictionary<string, long> _last = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;

    public RebirthLimiter(TimeProvider time, TimeSpan? interval = null)
    {
        _time = time;
        _interval = interval ?? TimeSpan.FromSeconds(5);
    }

    public bool TryAcquire(string kioskId)
    {
        var now = _time.GetTimestamp();
        while (true)
        {
            if (!_last.TryGetValue(kioskId, out var last))
            {
                if (_last.TryAdd(kioskId, now))
                {
                    return true;
                }

                continue;
            }

            if (_time.GetElapsedTime(last, now) < _interval)
            {
                return false;
            }

            if (_last.TryUpdate(kioskId, now, last))
            {
                return true;
            }
        }
    }

    /// <summary>A birth arrived: the next problem may ask again at once.</summary>
    public void Reset(string kioskId) => _last.TryRemove(kioskId, out _);
}
