using TiepCongDan.Contracts.Reception;

namespace TiepCongDan.Edge.Reception.Flow;

/// <summary>The contract's trigger names (<see cref="ReceptionTriggers"/>) for the flow's triggers.</summary>
public static class ReceptionTriggerNames
{
    /// <summary>
    /// The name sent to the hub. A <see cref="ReceptionTrigger.Fault"/> has no name of its own in the
    /// contract: it is sent as the failure of the step it broke (identification before the citizen is
    /// known, connection after), with the reason in the event's detail.
    /// </summary>
    public static string ToWire(ReceptionTrigger trigger, ReceptionState from) => trigger switch
    {
        ReceptionTrigger.CardPresented => ReceptionTriggers.CardPresented,
        ReceptionTrigger.QrPresented => ReceptionTriggers.QrPresented,
        ReceptionTrigger.StaffPress => ReceptionTriggers.StaffPress,
        ReceptionTrigger.StaffLongPress => ReceptionTriggers.StaffLongPress,
        ReceptionTrigger.Identified => ReceptionTriggers.Identified,
        ReceptionTrigger.IdentificationFailed => ReceptionTriggers.IdentificationFailed,
        ReceptionTrigger.CaseKindChosen => ReceptionTriggers.CaseKindChosen,
        ReceptionTrigger.Connected => ReceptionTriggers.Connected,
        ReceptionTrigger.ConnectionFailed => ReceptionTriggers.ConnectionFailed,
        ReceptionTrigger.RemoteEnd => ReceptionTriggers.RemoteEnd,
        ReceptionTrigger.Ended => ReceptionTriggers.Ended,
        ReceptionTrigger.Rated => ReceptionTriggers.Rated,
        ReceptionTrigger.Timeout => ReceptionTriggers.Timeout,
        ReceptionTrigger.Fault => from is ReceptionState.Idle or ReceptionState.CitizenPresent
            ? ReceptionTriggers.IdentificationFailed
            : ReceptionTriggers.ConnectionFailed,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "No wire name for this trigger."),
    };
}
