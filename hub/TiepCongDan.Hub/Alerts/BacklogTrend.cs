namespace TiepCongDan.Hub.Alerts;

/// <summary>
/// Per kiosk: since when its upload backlog has grown without shrinking. A drop (or an empty
/// backlog) starts the watch again. Used by the evaluator's thread only.
/// </summary>
public sealed class BacklogTrend
{
    private readonly Dictionary<string, (double Last, double Low, DateTimeOffset LowSince)> _kiosks = new(StringComparer.Ordinal);

    /// <summary>Records the pending bytes seen now; returns true when they grew over the low point and never dropped for <paramref name="rising"/>.</summary>
    public bool Observe(string kioskId, double pending, DateTimeOffset now, TimeSpan rising)
    {
        if (!_kiosks.TryGetValue(kioskId, out var state) || pending < state.Last || pending <= 0)
        {
            _kiosks[kioskId] = (pending, pending, now);
            return false;
        }

        _kiosks[kioskId] = state with { Last = pending };
        return pending > state.Low && now - state.LowSince >= rising;
    }

    public void Forget(string kioskId) => _kiosks.Remove(kioskId);
}
