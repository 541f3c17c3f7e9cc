using TiepCongDan.Edge.Card.Reading;

/// <summary>
/// Exit codes of `tcd-edge card read`, one per thing the person at the kiosk does next.
/// "Unknown issuer" has its own code: the record is printed (with a warning) but not proven, so a
/// script must not take it for a verified read.
/// </summary>
internal static class CardReadExitCodes
{
    /// <summary>Read, and the data is the issuer's (passive valid; active valid or not offered).</summary>
    public const int Ok = 0;

    /// <summary>Wrong or missing options, or an input that is not a QR / MRZ / CAN.</summary>
    public const int Usage = 2;

    /// <summary>No reader, pcscd not running, or no card within --wait.</summary>
    public const int NoReaderOrCard = 3;

    /// <summary>The card refused the key: check the input the message names.</summary>
    public const int WrongKey = 4;

    /// <summary>The card was pulled out during the read: put it back and run again.</summary>
    public const int CardRemoved = 5;

    /// <summary>Read, but authenticity is invalid (altered data, bad signature, chip fails active authentication, DG1/DG13 mismatch).</summary>
    public const int AuthenticityInvalid = 6;

    /// <summary>Read, but the signer does not chain to a trusted CSCA (or no --csca / Edge:Card:CscaDirectory).</summary>
    public const int UnknownIssuer = 7;

    /// <summary>The card or reader failed otherwise (protocol error, damaged data, timeout, no PACE for a CAN).</summary>
    public const int CardError = 8;

    /// <summary>Edge:Card settings invalid (as the service: EX_CONFIG).</summary>
    public const int Config = 78;

    public static int For(CardReadFailure failure) => failure switch
    {
        CardReadFailure.WrongKey => WrongKey,
        CardReadFailure.CardRemoved => CardRemoved,
        CardReadFailure.NoReader or CardReadFailure.NoCard => NoReaderOrCard,
        _ => CardError,
    };

    public static string Name(CardReadFailure failure) => failure switch
    {
        CardReadFailure.WrongKey => "wrong-key",
        CardReadFailure.CardRemoved => "card-removed",
        CardReadFailure.NoReader => "no-reader",
        CardReadFailure.NoCard => "no-card",
        CardReadFailure.AccessNotPossible => "access-not-possible",
        CardReadFailure.Timeout => "timeout",
        _ => "card-error",
    };
}
