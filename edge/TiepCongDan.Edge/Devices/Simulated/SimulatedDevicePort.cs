using TiepCongDan.Contracts.Fleet;

namespace TiepCongDan.Edge.Devices.Simulated;

/// <summary>A device port whose state is set from outside (the control file, or a test).</summary>
public sealed class SimulatedDevicePort(string kind) : IDevicePort
{
    private DeviceReading _current = DeviceReading.Present;

    public string Kind { get; } = kind;

    // A record struct is not atomic to write; a lock keeps status and reason consistent.
    private readonly Lock _gate = new();

    public DeviceReading Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public void Set(DeviceStatus status, string? reason = null)
    {
        lock (_gate)
        {
            _current = new DeviceReading(status, reason ?? string.Empty);
        }
    }
}
