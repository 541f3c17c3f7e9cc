using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Tests.Simulation;

/// <summary>A session flow that stands still where the test puts it.</summary>
internal sealed class FakeReceptionStatus : IReceptionStatus
{
    public ReceptionState State { get; set; } = ReceptionState.Idle;

    public string? SessionId { get; set; }

    public event EventHandler<ReceptionState>? StateChanged;

    public void Move(ReceptionState state, string? sessionId)
    {
        State = state;
        SessionId = sessionId;
        StateChanged?.Invoke(this, state);
    }
}
