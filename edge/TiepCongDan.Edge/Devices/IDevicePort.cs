using TiepCongDan.Contracts.Sparkplug;

namespace TiepCongDan.Edge.Devices;

/// <summary>
/// One attached peripheral (camera, microphone, ...; see DeviceKinds). The edge node polls
/// <see cref="Current"/> and <see cref="Metrics"/> every sample interval and publishes changes as DDATA.
/// Thread-safe: both may be read from any thread while the adapter updates them.
/// </summary>
public interface IDevicePort
{
    /// <summary>The device kind, also its Sparkplug device id.</summary>
    string Kind { get; }

    DeviceReading Current { get; }

    /// <summary>
    /// Values of the kind's extra metrics (see DeviceMetricCatalog), by metric name. A metric the
    /// catalog declares but this dictionary lacks is reported as null.
    /// </summary>
    IReadOnlyDictionary<string, SparkplugValue> Metrics => EmptyMetrics.Value;

    private static class EmptyMetrics
    {
        public static readonly IReadOnlyDictionary<string, SparkplugValue> Value = new Dictionary<string, SparkplugValue>();
    }
}
