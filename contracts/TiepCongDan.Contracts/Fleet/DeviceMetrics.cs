namespace TiepCongDan.Contracts.Fleet;

/// <summary>Metrics of one attached device (a Sparkplug device under the kiosk node).</summary>
public static class DeviceMetrics
{
    /// <summary>String: one of <see cref="DeviceStatus"/> in lower case.</summary>
    public const string Status = "Status";
    /// <summary>String: why the device is absent or faulty; empty when present.</summary>
    public const string Reason = "Reason";
}
