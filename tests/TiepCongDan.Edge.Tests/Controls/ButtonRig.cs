using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Controls.Simulation;

namespace TiepCongDan.Edge.Tests.Controls;

/// <summary>One <see cref="DebouncedButton"/> on a real GpioController over the simulated chip, in fake time, with every event recorded.</summary>
internal sealed class ButtonRig : IDisposable
{
    public const int Pin = 17;

    public ButtonRig(ButtonTimings? timings = null, bool activeLow = true, bool pressedAtStart = false)
    {
        Controller = new GpioController(Driver);
        if (pressedAtStart)
        {
            // The line is held before our code opens it: the simulated switch forces the level from the start.
            Driver.Drive(Pin, activeLow ? PinValue.Low : PinValue.High);
        }

        Button = new DebouncedButton(Pin, timings ?? ButtonTimings.Default, Time, Controller, shouldDispose: false, activeLow);
        Button.Changed += (_, e) => Events.Add((e.Kind, e.At));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public SimulatedGpioDriver Driver { get; } = new();

    public GpioController Controller { get; }

    public DebouncedButton Button { get; }

    public List<(ButtonEventKind Kind, DateTimeOffset At)> Events { get; } = [];

    public IEnumerable<ButtonEventKind> Kinds => Events.Select(e => e.Kind);

    public void Advance(int milliseconds) => Time.Advance(TimeSpan.FromMilliseconds(milliseconds));

    public void Dispose()
    {
        Button.Dispose();
        Controller.Dispose();
    }
}
