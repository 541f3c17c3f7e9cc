namespace TiepCongDan.Edge.Card.Icao;

/// <summary>Why access to the chip failed; the kiosk builds the message shown to staff from it.</summary>
public enum CardAccessFailure
{
    /// <summary>No reason given (the exception was built with a standard constructor).</summary>
    Unspecified,

    /// <summary>The card refused the access key (6300/6982 to EXTERNAL AUTHENTICATE): the MRZ or QR input is wrong.</summary>
    WrongAccessKey,

    /// <summary>The card's answer to mutual authentication did not prove it knows the key (bad MAC or RND.IFD not echoed).</summary>
    ChipAuthenticationFailed,

    /// <summary>A secure messaging response was unprotected or its MAC was wrong: the data cannot be trusted.</summary>
    SecureMessagingFailed,

    /// <summary>The card answered with a status word or a length the protocol does not allow at this step.</summary>
    UnexpectedResponse,
}
