using System.Security.Cryptography;
using System.Text;

namespace TiepCongDan.CardSim.Cccd;

/// <summary>
/// The chip's side of Basic Access Control (ICAO 9303-11 §4.3): Kenc and Kmac from the MRZ
/// information, RND.IC for GET CHALLENGE, and EXTERNAL AUTHENTICATE: check M.IFD, decrypt E.IFD,
/// check RND.IC came back, answer E.IC || M.IC and derive the session keys and SSC.
/// </summary>
internal sealed class BacCardResponder
{
    private const int NonceLength = 8;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _macKey;
    private readonly RandomNumberGenerator _random;
    private byte[]? _challenge;

    public BacCardResponder(string mrzInformation, RandomNumberGenerator random)
    {
        _random = random;
        var seed = CardCrypto.KeySeed(Encoding.ASCII.GetBytes(mrzInformation));
        _encryptionKey = CardCrypto.DeriveTripleDesKey(seed, 1);
        _macKey = CardCrypto.DeriveTripleDesKey(seed, 2);
    }

    public byte[] NewChallenge()
    {
        _challenge = Random(NonceLength);
        return _challenge.ToArray();
    }

    public void Forget() => _challenge = null;

    private byte[] Random(int length)
    {
        var bytes = new byte[length];
        _random.GetBytes(bytes);
        return bytes;
    }

    /// <summary>Answers EXTERNAL AUTHENTICATE; <paramref name="keys"/> is set only on success. One challenge serves one attempt.</summary>
    public CardResponse ExternalAuthenticate(byte[] data, out CardSessionKeys? keys)
    {
        keys = null;
        var challenge = _challenge;
        _challenge = null;
        if (challenge is null)
        {
            return CardResponse.Of(CardStatus.ConditionsNotSatisfied);
        }

        if (data.Length != 40)
        {
            return CardResponse.Of(CardStatus.WrongLength);
        }

        var cryptogram = data[..32];
        var mac = CardCrypto.RetailMac(_macKey, CardCrypto.Pad(cryptogram, 8));
        if (!CryptographicOperations.FixedTimeEquals(mac, data.AsSpan(32)))
        {
            return CardResponse.Of(CardStatus.VerificationFailed);
        }

        var s = CardCrypto.TripleDesCbc(false, _encryptionKey, cryptogram);
        var rndIfd = s[..NonceLength];
        if (!CryptographicOperations.FixedTimeEquals(s.AsSpan(NonceLength, NonceLength), challenge))
        {
            return CardResponse.Of(CardStatus.VerificationFailed);
        }

        var kIfd = s[(2 * NonceLength)..];
        var kIc = Random(16);
        var eIc = CardCrypto.TripleDesCbc(true, _encryptionKey, [.. challenge, .. rndIfd, .. kIc]);
        var mIc = CardCrypto.RetailMac(_macKey, CardCrypto.Pad(eIc, 8));

        var sessionSeed = new byte[16];
        for (var i = 0; i < sessionSeed.Length; i++)
        {
            sessionSeed[i] = (byte)(kIfd[i] ^ kIc[i]);
        }

        keys = new CardSessionKeys(
            CardCrypto.DeriveTripleDesKey(sessionSeed, 1),
            CardCrypto.DeriveTripleDesKey(sessionSeed, 2),
            [.. challenge.AsSpan(4), .. rndIfd.AsSpan(4)],
            Aes: false);
        return CardResponse.Ok([.. eIc, .. mIc]);
    }
}
