namespace TiepCongDan.Contracts.Reception;

/// <summary>What moved a reception session from one state to the next (the event's trigger, as sent).</summary>
public static class ReceptionTriggers
{
    /// <summary>A card was put on the reader.</summary>
    public const string CardPresented = "card-presented";

    /// <summary>The card's front QR (or an MRZ) was scanned.</summary>
    public const string QrPresented = "qr-presented";

    /// <summary>The card was taken off the reader.</summary>
    public const string CardRemoved = "card-removed";

    /// <summary>Short press of the staff button (start or confirm).</summary>
    public const string StaffPress = "staff-press";

    /// <summary>3-second press of the staff button (end or cancel).</summary>
    public const string StaffLongPress = "staff-long-press";

    /// <summary>The chip (or QR) was read.</summary>
    public const string Identified = "identified";

    /// <summary>The card could not be read, or was refused.</summary>
    public const string IdentificationFailed = "identification-failed";

    /// <summary>The citizen chose the case kind with the four buttons.</summary>
    public const string CaseKindChosen = "case-kind-chosen";

    /// <summary>The link to the hub is up and the session is streaming.</summary>
    public const string Connected = "connected";

    /// <summary>The session could not be started (no camera, full disk, no link in time).</summary>
    public const string ConnectionFailed = "connection-failed";

    /// <summary>The officials ended the session from the hub.</summary>
    public const string RemoteEnd = "remote-end";

    /// <summary>The recording and link are closed.</summary>
    public const string Ended = "ended";

    /// <summary>A rating button was pressed.</summary>
    public const string Rated = "rated";

    /// <summary>The state's time ran out.</summary>
    public const string Timeout = "timeout";

    /// <summary>The edge restarted while this session was open (crash, power cut, kill).</summary>
    public const string Interrupted = "interrupted";
}
