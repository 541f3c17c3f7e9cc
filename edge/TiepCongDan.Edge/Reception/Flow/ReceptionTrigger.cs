namespace TiepCongDan.Edge.Reception.Flow;

/// <summary>What can move the session flow (<see cref="ReceptionStateMachine"/>); sent to the hub as <see cref="ReceptionTriggerNames.ToWire"/>.</summary>
public enum ReceptionTrigger
{
    /// <summary>A card was put on the reader.</summary>
    CardPresented,

    /// <summary>A QR (or MRZ) was scanned.</summary>
    QrPresented,

    /// <summary>Short press of the staff button: start, vouch for the citizen, confirm.</summary>
    StaffPress,

    /// <summary>3-second press of the staff button: cancel or end.</summary>
    StaffLongPress,

    /// <summary>The card (or its QR) gave the citizen.</summary>
    Identified,

    /// <summary>The card could not be read or was refused.</summary>
    IdentificationFailed,

    /// <summary>A rating button chose the case kind.</summary>
    CaseKindChosen,

    /// <summary>The media session runs and its uplink is connected.</summary>
    Connected,

    /// <summary>The media session was refused or did not connect.</summary>
    ConnectionFailed,

    /// <summary>The media session ended without the kiosk asking (the officials, from the hub).</summary>
    RemoteEnd,

    /// <summary>The recording and link are closed.</summary>
    Ended,

    /// <summary>A rating button gave the rating.</summary>
    Rated,

    /// <summary>The state's time ran out.</summary>
    Timeout,

    /// <summary>Something inside the kiosk failed (the journal refused an event, an input threw).</summary>
    Fault,
}
