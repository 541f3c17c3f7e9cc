using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Devices;

namespace TiepCongDan.Edge.Controls;

/// <summary>The node's devices with the button panel replaced by the real one (added when the inner set has none).</summary>
public sealed class ButtonPanelDevicePortSet(IDevicePortSet inner, IDevicePort panelPort) : IDevicePortSet
{
    public IReadOnlyList<IDevicePort> Attached
    {
        get
        {
            var ports = inner.Attached.Where(p => p.Kind != DeviceKinds.ButtonPanel).ToList();
            ports.Add(panelPort);
            return ports;
        }
    }

    public void Refresh() => inner.Refresh();
}
