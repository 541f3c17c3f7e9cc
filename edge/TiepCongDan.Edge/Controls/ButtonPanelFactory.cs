using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using Microsoft.Extensions.Logging;
using TiepCongDan.Edge.Controls.Simulation;
using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Controls;

/// <summary>Builds the panel the options describe on the driver its pin map names.</summary>
public static class ButtonPanelFactory
{
    /// <summary>
    /// The panel for validated options. For a simulated board its simulator is returned too, so the
    /// sim console can press its buttons; it is null on real hardware.
    /// </summary>
    public static (ButtonPanel Panel, ButtonPanelSimulator? Simulator) Create(EdgeButtonsOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var map = options.LoadPinMap();
        var settings = new ButtonPanelSettings(map, options.Timings, options.ActiveLow, options.LedActiveLow);
        GpioController? controller = null;
        try
        {
            var driver = CreateDriver(map);
            controller = new GpioController(driver);
            var panel = new ButtonPanel(settings, controller, shouldDispose: true, time, loggerFactory.CreateLogger<ButtonPanel>());
            return (panel, driver is SimulatedGpioDriver simulated ? new ButtonPanelSimulator(simulated, map) : null);
        }
        catch (Exception ex) when (map.Driver != GpioDriverKinds.Simulated && ex is not OutOfMemoryException)
        {
            controller?.Dispose();
            throw new InvalidOperationException(
                $"Cannot open the button panel of board '{map.Board}' on /dev/gpiochip{map.Chip} through {map.Driver}: {ex.Message} "
                + $"Check that the Debian package {(map.Driver == GpioDriverKinds.LibgpiodV2 ? "libgpiod3" : "libgpiod2")} is installed, that /dev/gpiochip{map.Chip} exists (`gpiodetect`; Edge:Buttons:GpioChip overrides the number) and that the service's user may open it (group gpio).",
                ex);
        }
        catch
        {
            controller?.Dispose();
            throw;
        }
    }

    /// <summary>The lowest layer for a pin map: libgpiod on a board, the simulated chip otherwise.</summary>
    public static GpioDriver CreateDriver(BoardPinMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.Driver switch
        {
            GpioDriverKinds.Simulated => new SimulatedGpioDriver(),
            GpioDriverKinds.Libgpiod => map.ChipLabel is null ? new LibGpiodDriver(map.Chip) : new LibGpiodDriver(ChipByLabel(LibGpiodDriver.GetAvailableChips(), map)),
            GpioDriverKinds.LibgpiodV2 => map.ChipLabel is null ? new LibGpiodV2Driver(map.Chip) : new LibGpiodV2Driver(ChipByLabel(LibGpiodV2Driver.GetAvailableChips(), map)),
            _ => throw new PinMapException($"Pin map '{map.Source}': driver '{map.Driver}' is not supported: use {string.Join(", ", GpioDriverKinds.All)}."),
        };
    }

    /// <summary>The chip the map names by label; the error lists the chips there are.</summary>
    internal static GpioChipInfo ChipByLabel(IEnumerable<GpioChipInfo> chips, BoardPinMap map)
    {
        var all = chips.ToList();
        return all.FirstOrDefault(c => string.Equals(c.Label, map.ChipLabel, StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"No GPIO chip labelled '{map.ChipLabel}' for board '{map.Board}': "
                + (all.Count == 0 ? "this machine has no GPIO chips." : $"the chips here are {string.Join(", ", all.Select(c => $"{c.Name} [{c.Label}]"))}.")
                + " Wrong board in Edge:Buttons:Board, or set Edge:Buttons:GpioChip to choose a chip by number.");
    }
}
