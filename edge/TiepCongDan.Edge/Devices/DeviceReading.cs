using TiepCongDan.Contracts.Fleet;

namespace TiepCongDan.Edge.Devices;

/// <summary>What a device port says about its device right now. Reason is Vietnamese text for the operator; empty when present.</summary>
public readonly record struct DeviceReading(DeviceStatus Status, string Reason)
{
    public static DeviceReading Present { get; } = new(DeviceStatus.Present, string.Empty);
}
