using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Devices;

namespace TiepCongDan.Edge.Media.Session;

/// <summary>The node's devices with the camera and microphone seen through the media service.</summary>
internal sealed class MediaDevicePortSet(IDevicePortSet inner, MediaService media) : IDevicePortSet
{
    private readonly Dictionary<IDevicePort, IDevicePort> _wrapped = [];

    public IReadOnlyList<IDevicePort> Attached
    {
        get
        {
            lock (_wrapped)
            {
                return inner.Attached.Select(Wrap).ToList();
            }
        }
    }

    public void Refresh() => inner.Refresh();

    private IDevicePort Wrap(IDevicePort port)
    {
        if (port.Kind is not (DeviceKinds.Camera or DeviceKinds.Microphone))
        {
            return port;
        }

        if (!_wrapped.TryGetValue(port, out var wrapped))
        {
            wrapped = new MediaDevicePort(port, media);
            _wrapped[port] = wrapped;
        }

        return wrapped;
    }
}
