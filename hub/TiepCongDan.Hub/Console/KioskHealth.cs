using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Alerts;
using TiepCongDan.Hub.Registry;

namespace TiepCongDan.Hub.OperatorConsole;

/// <summary>
/// "Degraded" as the console counts it: online with something a citizen would notice before
/// sitting down. The fleet overview applies the same rule to live events in the browser
/// (Web/wwwroot/app.js, assess); the two must change together (Web/README.md).
/// </summary>
public static class KioskHealth
{
    public const double HotCelsius = 80;
    public const double LowDiskBytes = 1024d * 1024 * 1024;

    public static bool IsDegraded(KioskSnapshot kiosk)
    {
        ArgumentNullException.ThrowIfNull(kiosk);
        return kiosk.Online && (
            kiosk.Devices.Values.Any(d => d.Status != DeviceStatus.Present.ToWire())
            || AlertInputs.DeviceFlag(kiosk, DeviceKinds.Camera, MediaMetrics.Frozen) == true
            || AlertInputs.Flag(kiosk, NodeMetrics.ClockSynced) == false
            || AlertInputs.Number(kiosk, NodeMetrics.CpuTemperature) >= HotCelsius
            || AlertInputs.Number(kiosk, NodeMetrics.DiskFree) < LowDiskBytes
            || AlertInputs.Number(kiosk, NodeMetrics.Throttled) is { } bits && bits != 0);
    }
}
