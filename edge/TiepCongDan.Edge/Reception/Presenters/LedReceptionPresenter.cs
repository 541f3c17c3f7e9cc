using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Reception.Presenters;

/// <summary>The status light (and the live light) for each state, for the staff across the room.</summary>
public sealed class LedReceptionPresenter(ButtonPanel panel) : IReceptionPresenter
{
    public static StatusLedMode ModeFor(ReceptionState state) => state switch
    {
        ReceptionState.Idle => StatusLedMode.Idle,
        ReceptionState.CitizenPresent or ReceptionState.Identified or ReceptionState.Rating => StatusLedMode.Ready,
        ReceptionState.Connecting or ReceptionState.Ending => StatusLedMode.Connecting,
        ReceptionState.Live => StatusLedMode.Live,
        ReceptionState.Error => StatusLedMode.Error,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No light for this reception state."),
    };

    public void Present(ReceptionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        panel.ShowStatus(ModeFor(view.State));
    }
}
