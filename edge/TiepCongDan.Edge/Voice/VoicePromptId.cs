namespace TiepCongDan.Edge.Voice;

/// <summary>
/// Every sentence the kiosk speaks: one per <see cref="Reception.ReceptionState"/> (same names)
/// and a few events within a state. The text lives in <see cref="VoicePromptCatalog"/>.
/// </summary>
public enum VoicePromptId
{
    Idle,
    CitizenPresent,
    Identified,
    Connecting,
    Live,
    Ending,
    Rating,
    Error,

    /// <summary>The chip could not be read: put the card on the reader again.</summary>
    CardReadFailed,

    /// <summary>The scanned QR is not the front of a citizen ID card.</summary>
    WrongQr,

    /// <summary>How the four rating buttons are told apart (colour and position).</summary>
    RatingButtons,

    /// <summary>In Identified: which of the four buttons chooses which case kind (same colours as the rating).</summary>
    CaseKindButtons,

    /// <summary>After a rating button was pressed.</summary>
    RatingThanks,

    /// <summary>The officials or the staff are about to end the session.</summary>
    SessionEnding,

    /// <summary>The link to the reception point dropped; reconnecting.</summary>
    LinkLost,
}
