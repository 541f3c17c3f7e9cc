namespace TiepCongDan.Edge.Devices;

/// <summary>
/// One attached peripheral (camera, microphone, ...; see DeviceKinds). The edge node polls
/// <see cref="Current"/> every sample interval and publishes a change as DDATA.
/// Thread-safe: <see cref="Current"/> may be read from any thread while the adapter updates it.
/// </summary>
public interface IDevicePort
{
    /// <summary>The device kind, also its Sparkplug device id.</summary>
    string Kind { get; }

    DeviceReading Current { get; }
}
