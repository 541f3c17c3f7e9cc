using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Edge.Reception;

namespace TiepCongDan.Edge.Screen;

/// <summary>
/// Keeps the display on while someone is at the kiosk and switches it off after a stretch of Idle:
/// on at start, on when someone arrives or any state other than Idle is shown, off once Idle has
/// lasted <c>idleOff</c>. The sink runs on one background chain in order, so a slow or failing
/// display program never holds up the caller (the session's state machine). Thread-safe.
/// </summary>
public sealed class DisplayPower : IDisposable
{
    private readonly IDisplayPowerSink _sink;
    private readonly TimeSpan _idleOff;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private ReceptionState _state = ReceptionState.Idle;
    private bool? _commanded;
    private ITimer? _idleTimer;
    private long _timerGeneration;
    private Task _applied = Task.CompletedTask;
    private bool _disposed;

    public DisplayPower(IDisplayPowerSink sink, TimeSpan idleOff, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(idleOff, TimeSpan.Zero);
        _sink = sink;
        _idleOff = idleOff;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        lock (_gate)
        {
            // A kiosk that just booted shows its page; the idle countdown starts now.
            SwitchLocked(on: true, "start");
            StartIdleTimerLocked();
        }
    }

    /// <summary>Whether the display is (or is being) switched on.</summary>
    public bool IsOn
    {
        get
        {
            lock (_gate)
            {
                return _commanded == true;
            }
        }
    }

    /// <summary>Completes once every switch asked for so far has reached the sink (tests and shutdown wait on it).</summary>
    public Task Settled
    {
        get
        {
            lock (_gate)
            {
                return _applied;
            }
        }
    }

    /// <summary>The screen moved to <paramref name="state"/>: any state but Idle keeps the display on; Idle starts the countdown to off.</summary>
    public void OnStateChanged(ReceptionState state)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var previous = _state;
            _state = state;
            if (state == ReceptionState.Idle)
            {
                if (previous != ReceptionState.Idle)
                {
                    StartIdleTimerLocked();
                }

                return;
            }

            StopIdleTimerLocked();
            SwitchLocked(on: true, "state " + state);
        }
    }

    /// <summary>Someone stepped up (a card near the reader, a button, a presence sensor): on, and a fresh idle countdown if still Idle.</summary>
    public void OnSomeoneArrived()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            SwitchLocked(on: true, "someone arrived");
            if (_state == ReceptionState.Idle)
            {
                StartIdleTimerLocked();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            StopIdleTimerLocked();
        }
    }

    private void StartIdleTimerLocked()
    {
        StopIdleTimerLocked();
        var generation = _timerGeneration;
        _idleTimer = _time.CreateTimer(_ => OnIdleTimeout(generation), null, _idleOff, Timeout.InfiniteTimeSpan);
    }

    private void StopIdleTimerLocked()
    {
        _timerGeneration++;
        _idleTimer?.Dispose();
        _idleTimer = null;
    }

    private void OnIdleTimeout(long generation)
    {
        lock (_gate)
        {
            // A timer replaced or stopped after it fired must not switch off a display someone is using.
            if (_disposed || generation != _timerGeneration || _state != ReceptionState.Idle)
            {
                return;
            }

            SwitchLocked(on: false, $"idle for {_idleOff.TotalSeconds:0} s");
        }
    }

    private void SwitchLocked(bool on, string reason)
    {
        if (_commanded == on)
        {
            return;
        }

        _commanded = on;
        _applied = _applied.ContinueWith(_ => Apply(on, reason), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private void Apply(bool on, string reason)
    {
        var power = on ? "on" : "off";
        try
        {
            _sink.SetPower(on);
            KioskScreenLog.DisplaySwitched(_logger, power, reason);
        }
        catch (DisplayPowerException ex)
        {
            // Logged, not thrown: a display that stays on (or dark) must not stop a citizen's session.
            KioskScreenLog.DisplaySwitchFailed(_logger, power, ex.Message);
        }
    }
}
