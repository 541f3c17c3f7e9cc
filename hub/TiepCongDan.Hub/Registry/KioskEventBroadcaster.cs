using System.Collections.Concurrent;

namespace TiepCongDan.Hub.Registry;

/// <summary>
/// Fans registry changes out to the live page's SSE connections. Each subscriber keeps a set of
/// changed ids (so 500 changes/s of one kiosk become one event) and a signal. Thread-safe.
/// </summary>
public sealed class KioskEventBroadcaster : IDisposable
{
    private readonly KioskRegistry _registry;
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    public KioskEventBroadcaster(KioskRegistry registry)
    {
        _registry = registry;
        _registry.Changed += OnChanged;
    }

    public Subscription Subscribe()
    {
        var subscription = new Subscription(this);
        _subscriptions[subscription] = 0;
        return subscription;
    }

    public void Dispose() => _registry.Changed -= OnChanged;

    private void OnChanged(string kioskId)
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Mark(kioskId);
        }
    }

    public sealed class Subscription : IDisposable
    {
        private readonly KioskEventBroadcaster _owner;
        private readonly ConcurrentDictionary<string, byte> _changed = new(StringComparer.Ordinal);
        private readonly SemaphoreSlim _signal = new(0, 1);

        internal Subscription(KioskEventBroadcaster owner) => _owner = owner;

        internal void Mark(string kioskId)
        {
            _changed[kioskId] = 0;
            if (_signal.CurrentCount == 0)
            {
                try
                {
                    _signal.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Another thread signalled first: one wake-up is enough.
                }
            }
        }

        /// <summary>Waits until something changed, or the timeout passed (for keep-alives); returns the changed ids.</summary>
        public async Task<IReadOnlyList<string>> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            await _signal.WaitAsync(timeout, cancellationToken);
            var ids = new List<string>();
            foreach (var id in _changed.Keys)
            {
                if (_changed.TryRemove(id, out _))
                {
                    ids.Add(id);
                }
            }

            return ids;
        }

        public void Dispose()
        {
            _owner._subscriptions.TryRemove(this, out _);
            _signal.Dispose();
        }
    }
}
