using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Controls.Simulation;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Simulation;

/// <summary>
/// What the simulation console can drive on this kiosk. A null part is real hardware (or absent):
/// actions on it are refused with 409, since a real card reader or real GPIO cannot be simulated over.
/// </summary>
public sealed class SimulationConsoleDevices
{
    /// <summary>Where card and QR signals go (always: /sim/qr also stands in for a real scanner).</summary>
    public required CardSignalFeed Signals { get; init; }

    /// <summary>The simulated reader's slot; null when a real PC/SC reader is configured (Edge:Card:Enabled).</summary>
    public SimulatedCardSlot? CardSlot { get; init; }

    /// <summary>The panel, real or simulated; null when Edge:Buttons:Enabled is false.</summary>
    public ButtonPanel? Panel { get; init; }

    /// <summary>Presses the panel's buttons; null on real GPIO.</summary>
    public ButtonPanelSimulator? Buttons { get; init; }

    /// <summary>The simulated camera and microphone; null when the media source is a real camera (V4l2).</summary>
    public SimulatedDeviceFaults? Faults { get; init; }

    /// <summary>The session flow's state; null when no flow is registered.</summary>
    public IReceptionStatus? Status { get; init; }
}
