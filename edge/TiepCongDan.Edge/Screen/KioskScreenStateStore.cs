namespace TiepCongDan.Edge.Screen;

/// <summary>
/// The latest screen state and a version that grows with each change. Readers wait for a version
/// newer than theirs; a burst of changes wakes them once and they read the newest state (a screen
/// has no use for the ones in between). Thread-safe.
/// </summary>
internal sealed class KioskScreenStateStore
{
    private readonly Lock _gate = new();
    private (KioskScreenState State, long Version) _current;
    private TaskCompletionSource _changed = NewSignal();

    public KioskScreenStateStore(KioskScreenState initial)
    {
        _current = (initial, 1);
    }

    public (KioskScreenState State, long Version) Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public void Set(KioskScreenState state)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _current = (state, _current.Version + 1);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.SetResult();
    }

    /// <summary>The newest state once its version is above <paramref name="seenVersion"/>, or null when <paramref name="timeout"/> passes first.</summary>
    public async Task<(KioskScreenState State, long Version)?> WaitNewerAsync(long seenVersion, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (_current.Version > seenVersion)
            {
                return _current;
            }

            changed = _changed.Task;
        }

        try
        {
            await changed.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }

        return Current;
    }

    // Continuations run on the pool, never inline inside Set's caller (the state machine).
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
