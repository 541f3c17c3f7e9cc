using System.Device.Gpio;

namespace TiepCongDan.Edge.Controls.Simulation;

/// <summary>A registered pin-change callback of the simulated chip.</summary>
internal sealed record SimulatedCallback(PinEventTypes Events, PinChangeEventHandler Handler);
