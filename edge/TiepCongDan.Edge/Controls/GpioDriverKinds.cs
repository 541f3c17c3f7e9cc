namespace TiepCongDan.Edge.Controls;

/// <summary>The "driver" values of a pin map file.</summary>
public static class GpioDriverKinds
{
    /// <summary>libgpiod 1.x through the GPIO character device (Debian 12's libgpiod2 package, Raspberry Pi OS bookworm).</summary>
    public const string Libgpiod = "libgpiod";

    /// <summary>libgpiod 2.x (Debian 13's libgpiod3).</summary>
    public const string LibgpiodV2 = "libgpiod-v2";

    /// <summary>No hardware: <see cref="Simulation.SimulatedGpioDriver"/>, driven by tests and `tcd-edge sim`.</summary>
    public const string Simulated = "simulated";

    public static IReadOnlyList<string> All { get; } = [Libgpiod, LibgpiodV2, Simulated];
}
