using System.Device.Gpio;

namespace TiepCongDan.Edge.Controls;

/// <summary>
/// A push button on one GPIO line, interrupt driven (edge events from the driver, no polling).
/// Active low by default: the switch connects the pin to ground and the pull-up holds it high
/// otherwise, the wiring that survives a long cable to the kiosk's front panel best.
/// <c>internalPull</c> false (a pin map's "internalPull": false) leaves the line without the chip's
/// pull resistor, for adapters whose kernel driver refuses one; the board then has its own.
/// Explicit ownership as in dotnet/iot: the controller is disposed with the button only when
/// <c>shouldDispose</c> says so.
/// </summary>
public sealed class DebouncedButton : ButtonBase
{
    private readonly GpioController _controller;
    private readonly bool _shouldDispose;
    private readonly PinValue _activeLevel;
    private int _released;

    public DebouncedButton(
        int pin,
        ButtonTimings timings,
        TimeProvider time,
        GpioController? controller = null,
        bool shouldDispose = true,
        bool activeLow = true,
        bool internalPull = true)
        : base(timings, time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pin);
        Pin = pin;
        _controller = controller ?? new GpioController();
        _shouldDispose = controller is null || shouldDispose;
        _activeLevel = activeLow ? PinValue.Low : PinValue.High;
        var mode = !internalPull ? PinMode.Input : activeLow ? PinMode.InputPullUp : PinMode.InputPullDown;
        if (!_controller.IsPinModeSupported(pin, mode))
        {
            // Some chips (a USB adapter) have no internal pulls: the board then needs external resistors.
            mode = PinMode.Input;
        }

        _controller.OpenPin(pin, mode);
        _controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Falling | PinEventTypes.Rising, OnPinChanged);
        Start(_controller.Read(pin) == _activeLevel);
    }

    /// <summary>The line number on the GPIO chip (BCM number on a Raspberry Pi).</summary>
    public int Pin { get; }

    protected override bool ReadContact() => _controller.Read(Pin) == _activeLevel;

    protected override void Dispose(bool disposing)
    {
        // Timers first, so no settle check reads the pin after it is closed.
        base.Dispose(disposing);
        if (disposing && Interlocked.Exchange(ref _released, 1) == 0)
        {
            _controller.UnregisterCallbackForPinValueChangedEvent(Pin, OnPinChanged);
            if (_shouldDispose)
            {
                _controller.Dispose();
            }
            else if (_controller.IsPinOpen(Pin))
            {
                _controller.ClosePin(Pin);
            }
        }
    }

    private void OnPinChanged(object sender, PinValueChangedEventArgs e) =>
        OnContactChanged(e.ChangeType == (_activeLevel == PinValue.Low ? PinEventTypes.Falling : PinEventTypes.Rising));
}
