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
            GpioDriverKinds.Libgpiod => new LibGpiodDriver(map.Chip),
            GpioDriverKinds.LibgpiodV2 => new LibGpiodV2Driver(map.Chip),
            _ => throw new PinMapException($"Pin map '{map.Source}': driver '{map.Driver}' is not supported: use {string.Join(", ", GpioDriverKinds.All)}."),
        };
    }
}
