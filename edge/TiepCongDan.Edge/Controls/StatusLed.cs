using System.Device.Gpio;

namespace TiepCongDan.Edge.Controls;

/// <summary>
/// A light on one GPIO output, playing a <see cref="LedPattern"/> from a timer of the injected
/// <see cref="TimeProvider"/>. Active high by default (GPIO, resistor, LED, ground).
/// Thread-safe: <see cref="Show(LedPattern)"/> may be called from any thread.
/// </summary>
public sealed class StatusLed : IDisposable
{
    private readonly Lock _gate = new();
    private readonly GpioController _controller;
    private readonly bool _shouldDispose;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly PinValue _litLevel;
    private LedPattern _pattern = LedPatterns.For(StatusLedMode.Off);
    private int _step;
    private long _stepStartedTimestamp;
    private bool _lit;
    private bool _disposed;

    public StatusLed(int pin, TimeProvider time, GpioController? controller = null, bool shouldDispose = true, bool activeLow = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pin);
        ArgumentNullException.ThrowIfNull(time);
        Pin = pin;
        _time = time;
        _controller = controller ?? new GpioController();
        _shouldDispose = controller is null || shouldDispose;
        _litLevel = activeLow ? PinValue.Low : PinValue.High;
        _controller.OpenPin(pin, PinMode.Output, activeLow ? PinValue.High : PinValue.Low);
        _timer = time.CreateTimer(_ => NextStep(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public int Pin { get; }

    /// <summary>The pattern playing now.</summary>
    public LedPattern Pattern
    {
        get
        {
            lock (_gate)
            {
                return _pattern;
            }
        }
    }

    /// <summary>Lit at this moment (as written to the pin).</summary>
    public bool IsLit
    {
        get
        {
            lock (_gate)
            {
                return _lit;
            }
        }
    }

    public void Show(StatusLedMode mode) => Show(LedPatterns.For(mode));

    /// <summary>Starts a pattern from its first step; showing the pattern already playing changes nothing (no visible restart).</summary>
    public void Show(LedPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (ReferenceEquals(pattern, _pattern) || pattern == _pattern)
            {
                return;
            }

            _pattern = pattern;
            EnterStep(0);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer.Dispose();
            if (_controller.IsPinOpen(Pin))
            {
                // Dark on shutdown: a lit light on a stopped service would lie.
                _controller.Write(Pin, _litLevel == PinValue.High ? PinValue.Low : PinValue.High);
                if (!_shouldDispose)
                {
                    _controller.ClosePin(Pin);
                }
            }
        }

        if (_shouldDispose)
        {
            _controller.Dispose();
        }
    }

    private void NextStep()
    {
        lock (_gate)
        {
            if (_disposed || _pattern.IsSteady)
            {
                return;
            }

            var elapsed = _time.GetElapsedTime(_stepStartedTimestamp);
            var duration = _pattern.Steps[_step].Duration;
            if (elapsed < duration)
            {
                // A late Show() re-armed the timer while this callback was queued; keep the step whole.
                _timer.Change(duration - elapsed, Timeout.InfiniteTimeSpan);
                return;
            }

            EnterStep((_step + 1) % _pattern.Steps.Count);
        }
    }

    // Called under the lock.
    private void EnterStep(int step)
    {
        _step = step;
        _stepStartedTimestamp = _time.GetTimestamp();
        var current = _pattern.Steps[step];
        if (current.On != _lit)
        {
            _lit = current.On;
            _controller.Write(Pin, _lit ? _litLevel : (_litLevel == PinValue.High ? PinValue.Low : PinValue.High));
        }

        _timer.Change(_pattern.IsSteady ? Timeout.InfiniteTimeSpan : current.Duration, Timeout.InfiniteTimeSpan);
    }
}
