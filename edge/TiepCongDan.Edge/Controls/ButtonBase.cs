namespace TiepCongDan.Edge.Controls;

/// <summary>
/// A push button's logic without hardware, after the shape of dotnet/iot's ButtonBase: a subclass
/// reports raw contact edges through <see cref="OnContactChanged"/> and the level through
/// <see cref="ReadContact"/>; this class turns them into Press, Release, Click, LongPress, Stuck
/// and Recovered.
///
/// Debouncing waits for the contact to be quiet for the debounce time and then reads the level
/// (not the first edge): a spike of noise on a long cable that ends where it started is no press,
/// and a missed edge cannot leave us believing the wrong level. The cost is the debounce time of
/// latency, 30 ms, which nobody notices.
///
/// Thread-safe: edges may arrive on the driver's thread while timers fire on the pool.
/// <see cref="Changed"/> is raised outside the lock, on one of those threads; handlers must be
/// quick and must not throw.
/// </summary>
public abstract class ButtonBase : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ITimer _settleTimer;
    private readonly ITimer _holdTimer;
    private readonly ITimer _stuckTimer;
    private bool _rawPressed;
    private bool _pressed;
    private bool _inBurst;
    private long _lastEdgeTimestamp;
    private DateTimeOffset _burstStartedAt;
    private long _burstStartedTimestamp;
    private long _pressedTimestamp;
    private DateTimeOffset _pressedAt;
    private bool _longPressRaised;
    private bool _heldSinceStart;
    private bool _stuck;
    private bool _disposed;
    private long _presses;
    private long _longPresses;
    private long _bounceEdges;

    protected ButtonBase(ButtonTimings timings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(timings);
        ArgumentNullException.ThrowIfNull(time);
        Timings = timings;
        _time = time;
        _settleTimer = time.CreateTimer(_ => Settle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _holdTimer = time.CreateTimer(_ => CheckLongPress(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _stuckTimer = time.CreateTimer(_ => CheckStuck(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Every debounced event of this button.</summary>
    public event EventHandler<ButtonChangedEventArgs>? Changed;

    public ButtonTimings Timings { get; }

    /// <summary>The debounced state: pressed now.</summary>
    public bool IsPressed
    {
        get
        {
            lock (_gate)
            {
                return _pressed;
            }
        }
    }

    /// <summary>Held past the stuck timeout and not released since.</summary>
    public bool IsStuck
    {
        get
        {
            lock (_gate)
            {
                return _stuck;
            }
        }
    }

    /// <summary>Debounced presses since start.</summary>
    public long PressCount => Interlocked.Read(ref _presses);

    public long LongPressCount => Interlocked.Read(ref _longPresses);

    /// <summary>Edges that came within the debounce time of the previous one: contact chatter. A count that climbs fast means a worn switch.</summary>
    public long BounceEdgeCount => Interlocked.Read(ref _bounceEdges);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Call once the hardware is ready, with the contact's level then. A button already held at
    /// start (a stuck key at boot) gives no Press, Click or LongPress, but its stuck timeout runs.
    /// </summary>
    protected void Start(bool pressedNow)
    {
        lock (_gate)
        {
            _rawPressed = pressedNow;
            _pressed = pressedNow;
            if (pressedNow)
            {
                _heldSinceStart = true;
                _pressedTimestamp = _time.GetTimestamp();
                _pressedAt = _time.GetUtcNow();
                _stuckTimer.Change(Timings.StuckAfter, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Event injection: the contact changed (raw, bouncing). Called from the driver's thread.</summary>
    protected void OnContactChanged(bool pressed)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _rawPressed = pressed;
            if (_inBurst)
            {
                _bounceEdges++;
            }
            else
            {
                _inBurst = true;
                _burstStartedAt = _time.GetUtcNow();
                _burstStartedTimestamp = _time.GetTimestamp();
            }

            _lastEdgeTimestamp = _time.GetTimestamp();
            if (Timings.Debounce > TimeSpan.Zero)
            {
                _settleTimer.Change(Timings.Debounce, Timeout.InfiniteTimeSpan);
                return;
            }
        }

        Settle();
    }

    /// <summary>The contact's level now; the hardware subclass reads the pin so a missed edge does no harm.</summary>
    protected virtual bool ReadContact()
    {
        lock (_gate)
        {
            return _rawPressed;
        }
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _settleTimer.Dispose();
        _holdTimer.Dispose();
        _stuckTimer.Dispose();
    }

    private void Settle()
    {
        lock (_gate)
        {
            if (_disposed || !_inBurst)
            {
                return;
            }
        }

        // Read the level outside our lock: the subclass may take the controller's.
        bool level;
        try
        {
            level = ReadContact();
        }
        catch (Exception) when (Volatile.Read(ref _disposed))
        {
            // Disposed while this timer callback was on its way: the pin is closed, nothing to report.
            return;
        }

        var raised = new List<ButtonChangedEventArgs>(3);
        lock (_gate)
        {
            if (_disposed || !_inBurst)
            {
                return;
            }

            var quiet = _time.GetElapsedTime(_lastEdgeTimestamp);
            if (quiet < Timings.Debounce)
            {
                // An edge came after the timer was armed (real timers race); wait out the rest.
                _settleTimer.Change(Timings.Debounce - quiet, Timeout.InfiniteTimeSpan);
                return;
            }

            _inBurst = false;
            if (level == _pressed)
            {
                return;
            }

            _pressed = level;
            if (level)
            {
                BeginPress(raised);
            }
            else
            {
                EndPress(raised);
            }
        }

        Raise(raised);
    }

    private void BeginPress(List<ButtonChangedEventArgs> raised)
    {
        _pressedAt = _burstStartedAt;
        _pressedTimestamp = _burstStartedTimestamp;
        _longPressRaised = false;
        _heldSinceStart = false;
        _presses++;
        raised.Add(new ButtonChangedEventArgs(ButtonEventKind.Press, _pressedAt));
        var held = _time.GetElapsedTime(_pressedTimestamp);
        _holdTimer.Change(Max(Timings.LongPress - held, TimeSpan.Zero), Timeout.InfiniteTimeSpan);
        _stuckTimer.Change(Max(Timings.StuckAfter - held, TimeSpan.Zero), Timeout.InfiniteTimeSpan);
    }

    private void EndPress(List<ButtonChangedEventArgs> raised)
    {
        _holdTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _stuckTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var at = _burstStartedAt;
        raised.Add(new ButtonChangedEventArgs(ButtonEventKind.Release, at));
        if (_stuck)
        {
            _stuck = false;
            raised.Add(new ButtonChangedEventArgs(ButtonEventKind.Recovered, at));
        }
        else if (!_longPressRaised && !_heldSinceStart)
        {
            raised.Add(new ButtonChangedEventArgs(ButtonEventKind.Click, at));
        }

        _heldSinceStart = false;
    }

    private void CheckLongPress()
    {
        var raised = new List<ButtonChangedEventArgs>(1);
        lock (_gate)
        {
            if (_disposed || !_pressed || _longPressRaised || _heldSinceStart || _stuck)
            {
                return;
            }

            var held = _time.GetElapsedTime(_pressedTimestamp);
            if (held < Timings.LongPress)
            {
                _holdTimer.Change(Timings.LongPress - held, Timeout.InfiniteTimeSpan);
                return;
            }

            _longPressRaised = true;
            _longPresses++;
            raised.Add(new ButtonChangedEventArgs(ButtonEventKind.LongPress, _pressedAt + Timings.LongPress));
        }

        Raise(raised);
    }

    private void CheckStuck()
    {
        var raised = new List<ButtonChangedEventArgs>(1);
        lock (_gate)
        {
            if (_disposed || !_pressed || _stuck)
            {
                return;
            }

            var held = _time.GetElapsedTime(_pressedTimestamp);
            if (held < Timings.StuckAfter)
            {
                _stuckTimer.Change(Timings.StuckAfter - held, Timeout.InfiniteTimeSpan);
                return;
            }

            _stuck = true;
            raised.Add(new ButtonChangedEventArgs(ButtonEventKind.Stuck, _pressedAt + Timings.StuckAfter));
        }

        Raise(raised);
    }

    private void Raise(List<ButtonChangedEventArgs> raised)
    {
        foreach (var e in raised)
        {
            Changed?.Invoke(this, e);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
