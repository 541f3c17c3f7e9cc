using System.Device.Gpio;

namespace TiepCongDan.Edge.Controls.Simulation;

/// <summary>
/// The simulated panel by role rather than by line, for `tcd-edge sim`, demos and tests: press,
/// release or bounce a button, look at the lights. Goes through the simulated chip only, so the
/// panel above sees exactly what wiring would give it. Thread-safe as the driver is.
/// </summary>
public sealed class ButtonPanelSimulator(SimulatedGpioDriver driver, BoardPinMap map)
{
    public SimulatedGpioDriver Driver { get; } = driver ?? throw new ArgumentNullException(nameof(driver));

    public BoardPinMap Map { get; } = map ?? throw new ArgumentNullException(nameof(map));

    public void Press(ButtonRole role) => Driver.Press(Map.PinOf(role));

    public void Release(ButtonRole role) => Driver.Release(Map.PinOf(role));

    /// <summary>Contact chatter on a button; see <see cref="SimulatedGpioDriver.Bounce"/>.</summary>
    public void Bounce(ButtonRole role, bool endPressed, int edges, Action? betweenEdges = null) =>
        Driver.Bounce(Map.PinOf(role), endPressed, edges, betweenEdges);

    /// <summary>The status light is lit at this moment (honours an active-low light).</summary>
    public bool IsStatusLightLit(bool ledActiveLow = false) => Lit(Map.StatusLed, ledActiveLow);

    /// <summary>The "on air" light is lit at this moment; false when the board has none.</summary>
    public bool IsLiveLightLit(bool ledActiveLow = false) => Map.LiveLed is { } pin && Lit(pin, ledActiveLow);

    private bool Lit(int pin, bool activeLow) => Driver.ReadLevel(pin) == (activeLow ? PinValue.Low : PinValue.High);
}
