namespace TiepCongDan.Edge.Card.Icao;

/// <summary>ISO 7816-4 status words this code acts on.</summary>
public static class StatusWords
{
    public const ushort Success = 0x9000;

    /// <summary>Authentication failed (what many chips answer to EXTERNAL AUTHENTICATE under a wrong key).</summary>
    public const ushort VerificationFailed = 0x6300;

    /// <summary>Security status not satisfied (the other common answer to a wrong BAC key).</summary>
    public const ushort SecurityStatusNotSatisfied = 0x6982;

    /// <summary>
    /// Secure messaging data objects incorrect. Some chips (and vicc's ePass) answer it to a BAC
    /// EXTERNAL AUTHENTICATE whose MAC they cannot verify: with a well-formed command, a wrong key.
    /// </summary>
    public const ushort SecureMessagingObjectsIncorrect = 0x6988;

    /// <summary>The SW1 SW2 at the end of a response APDU; throws when the response is shorter than two bytes.</summary>
    public static ushort Of(ReadOnlySpan<byte> responseApdu)
    {
        if (responseApdu.Length < 2)
        {
            throw new CardAccessException(CardAccessFailure.UnexpectedResponse, $"The card's response is {responseApdu.Length} bytes, too short to hold a status word.");
        }

        return (ushort)((responseApdu[^2] << 8) | responseApdu[^1]);
    }
}
