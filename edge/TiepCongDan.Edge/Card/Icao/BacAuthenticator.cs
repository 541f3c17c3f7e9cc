using System.Security.Cryptography;

namespace TiepCongDan.Edge.Card.Icao;

/// <summary>
/// Basic Access Control mutual authentication (ICAO 9303-11 §4.3): GET CHALLENGE, then EXTERNAL
/// AUTHENTICATE with E.IFD || M.IFD; checks the card's answer and derives the session keys and
/// the send sequence counter. The random source is injectable so tests can replay Appendix D.
/// </summary>
public sealed class BacAuthenticator
{
    private const int NonceLength = 8;
    private const int KeyMaterialLength = 16;
    private const int CryptogramLength = NonceLength + NonceLength + KeyMaterialLength;

    private readonly IApduTransport _transport;
    private readonly RandomNumberGenerator _random;

    /// <param name="transport">The card, unprotected (BAC runs before secure messaging).</param>
    /// <param name="random">Source of RND.IFD then K.IFD (24 bytes in one request); null for the system CSPRNG.</param>
    public BacAuthenticator(IApduTransport transport, RandomNumberGenerator? random = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _random = random ?? RandomNumberGenerator.Create();
    }

    public SecureMessagingKeys Authenticate(BacKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var rndIc = GetChallenge();

        var terminalRandom = new byte[NonceLength + KeyMaterialLength];
        _random.GetBytes(terminalRandom);
        var rndIfd = terminalRandom.AsSpan(0, NonceLength);
        var kIfd = terminalRandom.AsSpan(NonceLength);

        byte[] s = [.. rndIfd, .. rndIc, .. kIfd];
        var eIfd = TripleDesCbc.Encrypt(keys.EncryptionKey.Span, s);
        var mIfd = RetailMac.Compute(keys.MacKey.Span, eIfd);
        byte[] command = [0x00, 0x82, 0x00, 0x00, CryptogramLength + RetailMac.MacLength, .. eIfd, .. mIfd, CryptogramLength + RetailMac.MacLength];

        var response = _transport.Transmit(command);
        var sw = StatusWords.Of(response);
        if (sw is StatusWords.VerificationFailed or StatusWords.SecurityStatusNotSatisfied or StatusWords.SecureMessagingObjectsIncorrect)
        {
            throw new CardAccessException(CardAccessFailure.WrongAccessKey, "The card refused the BAC key: the document number, date of birth or date of expiry is wrong.", sw);
        }

        if (sw != StatusWords.Success || response.Length != CryptogramLength + RetailMac.MacLength + 2)
        {
            throw new CardAccessException(CardAccessFailure.UnexpectedResponse, $"EXTERNAL AUTHENTICATE answered {response.Length - 2} bytes; BAC expects {CryptogramLength + RetailMac.MacLength}.", sw);
        }

        var eIc = response.AsSpan(0, CryptogramLength);
        var mIc = response.AsSpan(CryptogramLength, RetailMac.MacLength);
        if (!RetailMac.Verify(keys.MacKey.Span, eIc, mIc))
        {
            throw new CardAccessException(CardAccessFailure.ChipAuthenticationFailed, "The card's EXTERNAL AUTHENTICATE answer carries a wrong MAC.");
        }

        var r = TripleDesCbc.Decrypt(keys.EncryptionKey.Span, eIc);
        if (!CryptographicOperations.FixedTimeEquals(r.AsSpan(0, NonceLength), rndIc)
            || !CryptographicOperations.FixedTimeEquals(r.AsSpan(NonceLength, NonceLength), rndIfd))
        {
            throw new CardAccessException(CardAccessFailure.ChipAuthenticationFailed, "The card did not echo the terminal's and its own challenges.");
        }

        var kIc = r.AsSpan(2 * NonceLength, KeyMaterialLength);
        var sessionSeed = new byte[KeyMaterialLength];
        for (var i = 0; i < sessionSeed.Length; i++)
        {
            sessionSeed[i] = (byte)(kIfd[i] ^ kIc[i]);
        }

        byte[] ssc = [.. rndIc.AsSpan(4, 4), .. rndIfd[4..]];
        return new SecureMessagingKeys(
            IcaoKeyDerivation.DeriveKey(sessionSeed, IcaoKeyDerivation.EncryptionCounter),
            IcaoKeyDerivation.DeriveKey(sessionSeed, IcaoKeyDerivation.MacCounter),
            ssc);
    }

    private byte[] GetChallenge()
    {
        var response = _transport.Transmit([0x00, 0x84, 0x00, 0x00, NonceLength]);
        var sw = StatusWords.Of(response);
        if (sw != StatusWords.Success || response.Length != NonceLength + 2)
        {
            throw new CardAccessException(CardAccessFailure.UnexpectedResponse, $"GET CHALLENGE answered {response.Length - 2} bytes; BAC expects {NonceLength}.", sw);
        }

        return response[..NonceLength];
    }
}
