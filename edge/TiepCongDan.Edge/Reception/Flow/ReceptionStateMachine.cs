using Stateless;

namespace TiepCongDan.Edge.Reception.Flow;

/// <summary>
/// The reception flow's transition table (docs/decisions/0019) on Stateless: which trigger moves
/// which state where, and nothing else. Side effects (reading the card, starting media, the
/// journal, the screen) belong to <see cref="ReceptionCoordinator"/>, which fires the triggers
/// from one thread. A trigger the current state does not take is refused by <see cref="TryFire"/>
/// (a rating button in Live, a second click while connecting): that is how button bounce and
/// stray input cannot start anything twice. Not thread-safe: one caller.
/// </summary>
public sealed class ReceptionStateMachine
{
    private readonly StateMachine<ReceptionState, ReceptionTrigger> _machine;

    public ReceptionStateMachine(ReceptionState initial = ReceptionState.Idle)
    {
        _machine = new StateMachine<ReceptionState, ReceptionTrigger>(initial, FiringMode.Immediate);

        _machine.Configure(ReceptionState.Idle)
            .Permit(ReceptionTrigger.CardPresented, ReceptionState.CitizenPresent)
            .Permit(ReceptionTrigger.QrPresented, ReceptionState.CitizenPresent)
            .Permit(ReceptionTrigger.StaffPress, ReceptionState.CitizenPresent);

        _machine.Configure(ReceptionState.CitizenPresent)
            .Permit(ReceptionTrigger.Identified, ReceptionState.Identified)
            .Permit(ReceptionTrigger.IdentificationFailed, ReceptionState.Error)
            // The staff vouches for a citizen without a card (the coordinator refuses it while a read runs).
            .Permit(ReceptionTrigger.StaffPress, ReceptionState.Identified)
            .Permit(ReceptionTrigger.StaffLongPress, ReceptionState.Idle)
            .Permit(ReceptionTrigger.Timeout, ReceptionState.Idle)
            .Permit(ReceptionTrigger.Fault, ReceptionState.Error);

        _machine.Configure(ReceptionState.Identified)
            .Permit(ReceptionTrigger.CaseKindChosen, ReceptionState.Connecting)
            .Permit(ReceptionTrigger.StaffPress, ReceptionState.Connecting)
            .Permit(ReceptionTrigger.StaffLongPress, ReceptionState.Idle)
            .Permit(ReceptionTrigger.Timeout, ReceptionState.Idle)
            .Permit(ReceptionTrigger.Fault, ReceptionState.Error);

        _machine.Configure(ReceptionState.Connecting)
            .Permit(ReceptionTrigger.Connected, ReceptionState.Live)
            .Permit(ReceptionTrigger.ConnectionFailed, ReceptionState.Error)
            .Permit(ReceptionTrigger.Timeout, ReceptionState.Error)
            .Permit(ReceptionTrigger.StaffLongPress, ReceptionState.Ending)
            .Permit(ReceptionTrigger.Fault, ReceptionState.Error);

        _machine.Configure(ReceptionState.Live)
            .Permit(ReceptionTrigger.StaffLongPress, ReceptionState.Ending)
            .Permit(ReceptionTrigger.RemoteEnd, ReceptionState.Ending)
            .Permit(ReceptionTrigger.Fault, ReceptionState.Error);

        _machine.Configure(ReceptionState.Ending)
            .Permit(ReceptionTrigger.Ended, ReceptionState.Rating)
            // A recording that will not close in time must not keep the citizen from rating.
            .Permit(ReceptionTrigger.Timeout, ReceptionState.Rating)
            .Permit(ReceptionTrigger.Fault, ReceptionState.Error);

        _machine.Configure(ReceptionState.Rating)
            .Permit(ReceptionTrigger.Rated, ReceptionState.Idle)
            .Permit(ReceptionTrigger.Timeout, ReceptionState.Idle)
            .Permit(ReceptionTrigger.StaffPress, ReceptionState.Idle)
            .Permit(ReceptionTrigger.StaffLongPress, ReceptionState.Idle)
            .Permit(ReceptionTrigger.Fault, ReceptionState.Error);

        _machine.Configure(ReceptionState.Error)
            .Permit(ReceptionTrigger.Timeout, ReceptionState.Idle)
            .Permit(ReceptionTrigger.StaffPress, ReceptionState.Idle)
            .Permit(ReceptionTrigger.StaffLongPress, ReceptionState.Idle);
    }

    public ReceptionState State => _machine.State;

    /// <summary>Whether <paramref name="trigger"/> moves the flow from where it stands.</summary>
    public bool Accepts(ReceptionTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>Fires <paramref name="trigger"/> when the current state takes it; null (and no change) when it does not.</summary>
    public ReceptionTransition? TryFire(ReceptionTrigger trigger)
    {
        if (!_machine.CanFire(trigger))
        {
            return null;
        }

        var from = _machine.State;
        _machine.Fire(trigger);
        return new ReceptionTransition(from, _machine.State, trigger);
    }

    /// <summary>The table as Graphviz DOT, for the decision record and a technician's diagram.</summary>
    public string ToDot() => Stateless.Graph.UmlDotGraph.Format(_machine.GetInfo());
}
