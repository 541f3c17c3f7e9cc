using System.Device.Gpio;

namespace TiepCongDan.Edge.Controls.Simulation;

/// <summary>One line of the simulated chip. Guarded by the driver's lock.</summary>
internal sealed class SimulatedPin
{
    public bool Open { get; set; }

    public PinMode Mode { get; set; } = PinMode.Input;

    /// <summary>What the outside world forces on the line (a closed switch); null when nothing does.</summary>
    public PinValue? ExternalLevel { get; set; }

    public PinValue Written { get; set; } = PinValue.Low;

    public List<SimulatedCallback> Callbacks { get; } = [];

    /// <summary>The line's level; <paramref name="floating"/> is what the board's own resistor gives an input without the chip's pull.</summary>
    public PinValue Level(PinValue floating) => Mode switch
    {
        PinMode.Output => Written,
        _ when ExternalLevel is { } forced => forced,
        PinMode.InputPullUp => PinValue.High,
        PinMode.InputPullDown => PinValue.Low,
        _ => floating,
    };
}
