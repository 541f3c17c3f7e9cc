using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Reception.Flow;

/// <summary>
/// One thing for the flow to handle, on its one thread. <see cref="Epoch"/> ties a timer or an
/// async step to the state it was started in: a timeout or a read that finishes after the flow has
/// moved on is dropped instead of acting on the wrong state.
/// </summary>
internal sealed record ReceptionInput(ReceptionInputKind Kind, long Epoch = 0)
{
    public ButtonEvent? Button { get; init; }

    public CardSignal? Card { get; init; }

    public CitizenIdentity? Identity { get; init; }

    public Exception? Error { get; init; }

    public override string ToString() => $"{Kind} (epoch {Epoch})";
}
