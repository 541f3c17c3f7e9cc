using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Devices;

namespace TiepCongDan.Edge.Card.Service;

/// <summary>The node's devices with the card reader replaced by the real one (added when the inner set has none).</summary>
internal sealed class CardReaderDevicePortSet(IDevicePortSet inner, CardReaderHealth health) : IDevicePortSet
{
    private readonly CardReaderDevicePort _port = new(health);

    public IReadOnlyList<IDevicePort> Attached
    {
        get
        {
            var ports = inner.Attached.Select(p => p.Kind == DeviceKinds.CardReader ? _port : p).ToList();
            if (!ports.Contains(_port))
            {
                ports.Add(_port);
            }

            return ports;
        }
    }

    public void Refresh() => inner.Refresh();
}
