using System.Device.Gpio;

namespace TiepCongDan.Edge.Controls.Simulation;

/// <summary>
/// A GPIO chip with nothing soldered to it, at the lowest layer: a real <see cref="GpioController"/>
/// runs on top of it exactly as on libgpiod, so everything above (debounce, long press, LED
/// patterns, the panel) is the code the kiosk runs. The outside world (tests, `tcd-edge sim`)
/// presses and releases buttons here and reads the LED pins back.
/// Thread-safe. Pin-change callbacks run on the thread that changed the line, outside the driver's
/// lock, as a real driver runs them on its event thread.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, SimulatedPin> _pins = [];
    private readonly int _pinCount;
    private readonly PinValue _floatingLevel;

    /// <param name="pinCount">Lines on the chip.</param>
    /// <param name="floatingLevel">
    /// What an input opened without the chip's pull resistor reads when nothing drives it: the
    /// board's external resistor. High by default, the pull-up of an active-low panel.
    /// </param>
    public SimulatedGpioDriver(int pinCount = 64, PinValue? floatingLevel = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pinCount, 1);
        _pinCount = pinCount;
        _floatingLevel = floatingLevel ?? PinValue.High;
    }

    /// <summary>Raised when our code writes a different level to an output pin (an LED turning on or off).</summary>
    public event EventHandler<PinValueChangedEventArgs>? OutputChanged;

    protected override int PinCount => _pinCount;

    /// <summary>
    /// Closes the switch on an input pin: the line goes to the rail opposite its pull resistor (low
    /// for a pull-up, high for a pull-down, the opposite of the floating level without one).
    /// </summary>
    public void Press(int pinNumber) => Drive(pinNumber, ActiveLevel(pinNumber));

    /// <summary>Opens the switch: the pull resistor decides the level again.</summary>
    public void Release(int pinNumber) => Drive(pinNumber, null);

    /// <summary>
    /// A mechanical contact's chatter: <paramref name="edges"/> level changes in a row, ending
    /// pressed or released. <paramref name="betweenEdges"/> runs after every edge but the last, so a
    /// test can let (fake) time pass between them.
    /// </summary>
    public void Bounce(int pinNumber, bool endPressed, int edges, Action? betweenEdges = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(edges, 1);
        // Toggling an odd number of times ends on the opposite of where it started.
        var pressed = edges % 2 == 1 ? !endPressed : endPressed;
        for (var i = 0; i < edges; i++)
        {
            pressed = !pressed;
            if (pressed)
            {
                Press(pinNumber);
            }
            else
            {
                Release(pinNumber);
            }

            if (i < edges - 1)
            {
                betweenEdges?.Invoke();
            }
        }
    }

    /// <summary>Forces an input line to a level (null: let it float to its pull resistor's level).</summary>
    public void Drive(int pinNumber, PinValue? level)
    {
        List<PinChangeEventHandler> handlers;
        PinEventTypes change;
        lock (_gate)
        {
            var pin = Pin(pinNumber);
            var before = pin.Level(_floatingLevel);
            pin.ExternalLevel = level;
            var after = pin.Level(_floatingLevel);
            if (before == after)
            {
                return;
            }

            change = after == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            handlers = pin.Callbacks.Where(c => (c.Events & change) != 0).Select(c => c.Handler).ToList();
        }

        var args = new PinValueChangedEventArgs(change, pinNumber);
        foreach (var handler in handlers)
        {
            handler(this, args);
        }
    }

    /// <summary>The level on a pin as a voltmeter would see it (an LED pin: what our code wrote).</summary>
    public PinValue ReadLevel(int pinNumber)
    {
        lock (_gate)
        {
            return Pin(pinNumber).Level(_floatingLevel);
        }
    }

    /// <summary>Whether our code has opened the pin (and in which mode), for the sim console's listing.</summary>
    public bool IsOpen(int pinNumber, out PinMode mode)
    {
        lock (_gate)
        {
            if (_pins.TryGetValue(pinNumber, out var pin) && pin.Open)
            {
                mode = pin.Mode;
                return true;
            }

            mode = default;
            return false;
        }
    }

    protected override void OpenPin(int pinNumber)
    {
        lock (_gate)
        {
            Pin(pinNumber).Open = true;
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            var pin = Pin(pinNumber);
            pin.Open = false;
            pin.Callbacks.Clear();
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_gate)
        {
            Pin(pinNumber).Mode = mode;
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            return Pin(pinNumber).Mode;
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;

    protected override PinValue Read(int pinNumber) => ReadLevel(pinNumber);

    protected override void Write(int pinNumber, PinValue value)
    {
        lock (_gate)
        {
            var pin = Pin(pinNumber);
            if (pin.Mode != PinMode.Output)
            {
                throw new InvalidOperationException($"GPIO {pinNumber} is not an output (mode {pin.Mode}); open it as an output before writing.");
            }

            if (pin.Written == value)
            {
                return;
            }

            pin.Written = value;
        }

        OutputChanged?.Invoke(this, new PinValueChangedEventArgs(value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling, pinNumber));
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        using var happened = new ManualResetEventSlim();
        var seen = PinEventTypes.None;
        void OnChange(object sender, PinValueChangedEventArgs e)
        {
            seen = e.ChangeType;
            happened.Set();
        }

        AddCallbackForPinValueChangedEvent(pinNumber, eventTypes, OnChange);
        try
        {
            happened.Wait(cancellationToken);
            return new WaitForEventResult { EventTypes = seen, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            RemoveCallbackForPinValueChangedEvent(pinNumber, OnChange);
        }
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            Pin(pinNumber).Callbacks.Add(new SimulatedCallback(eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            Pin(pinNumber).Callbacks.RemoveAll(c => c.Handler == callback);
        }
    }

    private PinValue ActiveLevel(int pinNumber)
    {
        lock (_gate)
        {
            return Pin(pinNumber).Mode switch
            {
                PinMode.InputPullDown => PinValue.High,
                PinMode.InputPullUp => PinValue.Low,
                _ => _floatingLevel == PinValue.High ? PinValue.Low : PinValue.High,
            };
        }
    }

    private SimulatedPin Pin(int pinNumber)
    {
        if (pinNumber < 0 || pinNumber >= _pinCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"The simulated chip has GPIO 0 to {_pinCount - 1}.");
        }

        if (!_pins.TryGetValue(pinNumber, out var pin))
        {
            pin = new SimulatedPin();
            _pins[pinNumber] = pin;
        }

        return pin;
    }
}
