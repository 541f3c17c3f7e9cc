using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Devices;

namespace TiepCongDan.Edge.Media.Session;

/// <summary>
/// The camera or microphone as published: the underlying port's reading (simulated control file,
/// or the V4L2/ALSA locator when idle) made worse by what the running session sees (absent,
/// frozen, silent), plus the session's media metrics.
/// </summary>
internal sealed class MediaDevicePort(IDevicePort inner, MediaService media) : IDevicePort
{
    public string Kind => inner.Kind;

    public DeviceReading Current => Kind == DeviceKinds.Camera ? media.CameraReading(inner.Current) : media.MicrophoneReading(inner.Current);

    public IReadOnlyDictionary<string, SparkplugValue> Metrics => Kind == DeviceKinds.Camera ? media.CameraMetrics() : media.MicrophoneMetrics();
}
