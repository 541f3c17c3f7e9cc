using System.Security.Cryptography;
using TiepCongDan.Edge.Card.Parsing;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace TiepCongDan.Edge.Card.Icao.Pace;

/// <summary>
/// PACE on the terminal side (ICAO 9303-11 §4.4) with the CAN, ECDH or DH generic mapping, 3DES or AES:
/// MSE:SET AT, then four chained GENERAL AUTHENTICATE steps (encrypted nonce, mapping, key
/// agreement, mutual authentication tokens). Returns the session keys with SSC = 0 for
/// <see cref="SecureMessaging"/>. A refused CAN is <see cref="CardAccessFailure.WrongAccessKey"/>;
/// every other fault is a <see cref="CardAccessException"/> with its own reason.
/// The random source is injectable so tests can replay a worked example's ephemeral keys.
/// </summary>
public sealed class PaceAuthenticator
{
    private const int TagDynamicAuthenticationData = 0x7C;
    private const int TagEncryptedNonce = 0x80;
    private const int TagMappingTerminal = 0x81;
    private const int TagMappingCard = 0x82;
    private const int TagEphemeralTerminal = 0x83;
    private const int TagEphemeralCard = 0x84;
    private const int TagTokenTerminal = 0x85;
    private const int TagTokenCard = 0x86;
    private const int MaxScalarDraws = 1000;

    private readonly IApduTransport _transport;
    private readonly RandomNumberGenerator _random;

    /// <param name="transport">The card, unprotected (PACE runs before secure messaging).</param>
    /// <param name="random">Source of the terminal's two ephemeral private keys (mapping, then key agreement); null for the system CSPRNG.</param>
    public PaceAuthenticator(IApduTransport transport, RandomNumberGenerator? random = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _random = random ?? RandomNumberGenerator.Create();
    }

    /// <summary>Runs PACE with the CAN (on a CCCD the last 6 digits of the ID number).</summary>
    /// <exception cref="ArgumentException">The info is not <see cref="PaceInfo.IsSupported"/>: check it before calling.</exception>
    /// <exception cref="FormatException">The CAN is not 6 digits.</exception>
    /// <exception cref="CardAccessException">The card refused the CAN or broke the protocol.</exception>
    public SecureMessagingKeys Authenticate(PaceInfo info, string can) => Authenticate(info, PacePassword.FromCan(can));

    internal SecureMessagingKeys Authenticate(PaceInfo info, PacePassword password)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(password);
        if (!info.IsSupported || PaceAlgorithm.Find(info.ProtocolOid) is not { } algorithm || info.ParameterId is not { } parameterId)
        {
            throw new ArgumentException($"{info.Description}: this reader implements generic mapping on standardized parameters only.", nameof(info));
        }

        var group = PaceDomainParameters.Group(algorithm, parameterId)
            ?? throw new ArgumentException($"{info.Description}: no group for these parameters.", nameof(info));
        SetAuthenticationTemplate(algorithm, parameterId, password);

        var passwordKey = IcaoKeyDerivation.DeriveKey(password.Encoded.Span, IcaoKeyDerivation.PasswordCounter, algorithm.Cipher, algorithm.KeyLength);
        var encryptedNonce = GeneralAuthenticate([], TagEncryptedNonce, last: false);
        var nonce = new BigInteger(1, DecryptNonce(algorithm, passwordKey, encryptedNonce));

        var mappingKey = RandomScalar(group.Order);
        var cardMappingKey = GeneralAuthenticate(BerTlv.Encode(TagMappingTerminal, group.MappingPublicKey(mappingKey)), TagMappingCard, last: false);
        group.MapNonce(nonce, mappingKey, cardMappingKey);

        var ephemeralKey = RandomScalar(group.Order);
        var terminalPublic = group.EphemeralPublicKey(ephemeralKey);
        var cardPublic = GeneralAuthenticate(BerTlv.Encode(TagEphemeralTerminal, terminalPublic), TagEphemeralCard, last: false);
        if (cardPublic.AsSpan().SequenceEqual(terminalPublic))
        {
            // §4.4.3.4: a card echoing the terminal's key would make the tokens worthless.
            throw new CardAccessException(CardAccessFailure.ChipAuthenticationFailed, "The card answered with the terminal's own ephemeral public key.");
        }

        var sharedSecret = group.SharedSecret(ephemeralKey, cardPublic);
        var encryptionKey = IcaoKeyDerivation.DeriveKey(sharedSecret, IcaoKeyDerivation.EncryptionCounter, algorithm.Cipher, algorithm.KeyLength);
        var macKey = IcaoKeyDerivation.DeriveKey(sharedSecret, IcaoKeyDerivation.MacCounter, algorithm.Cipher, algorithm.KeyLength);

        var terminalToken = PaceAuthenticationToken.Compute(algorithm, macKey, group.PublicKeyTag, cardPublic);
        var cardToken = GeneralAuthenticate(BerTlv.Encode(TagTokenTerminal, terminalToken), TagTokenCard, last: true, password);
        var expected = PaceAuthenticationToken.Compute(algorithm, macKey, group.PublicKeyTag, terminalPublic);
        if (!CryptographicOperations.FixedTimeEquals(expected, cardToken))
        {
            // The card accepted our token, so it knew the CAN; a wrong answer here means the chip is not what it claims.
            throw new CardAccessException(CardAccessFailure.ChipAuthenticationFailed, "The card's PACE authentication token is wrong.");
        }

        var counterLength = algorithm.Cipher == SecureMessagingCipher.Aes ? AesCbc.BlockSize : Iso9797Padding.BlockSize;
        return new SecureMessagingKeys(encryptionKey, macKey, new byte[counterLength], algorithm.Cipher);
    }

    private void SetAuthenticationTemplate(PaceAlgorithm algorithm, int parameterId, PacePassword password)
    {
        byte[] data = [
            .. BerTlv.Encode(0x80, ObjectIdentifier.Encode(algorithm.Oid)),
            .. BerTlv.Encode(0x83, [password.Reference]),
            .. BerTlv.Encode(0x84, [(byte)parameterId]),
        ];
        var response = _transport.Transmit([0x00, 0x22, 0xC1, 0xA4, (byte)data.Length, .. data]);
        var sw = StatusWords.Of(response);
        if (sw != StatusWords.Success)
        {
            throw new CardAccessException(CardAccessFailure.UnexpectedResponse, $"The card refused MSE:SET AT for {algorithm.Mapping} {algorithm.CipherName} with the {password.Name}.", sw);
        }
    }

    /// <summary>One GENERAL AUTHENTICATE step: sends 7C { data }, returns the value of the one object the step expects in the card's 7C.</summary>
    private byte[] GeneralAuthenticate(byte[] data, int expectedTag, bool last, PacePassword? password = null)
    {
        var body = BerTlv.Encode(TagDynamicAuthenticationData, data);
        byte cla = last ? (byte)0x00 : (byte)0x10;
        // 2048-bit DH keys do not fit a short APDU: those steps need extended length (and a reader that has it).
        byte[] command = body.Length <= 0xFF
            ? [cla, 0x86, 0x00, 0x00, (byte)body.Length, .. body, 0x00]
            : [cla, 0x86, 0x00, 0x00, 0x00, (byte)(body.Length >> 8), (byte)body.Length, .. body, 0x00, 0x00];
        var response = _transport.Transmit(command);
        var sw = StatusWords.Of(response);
        if (last && password is not null && (sw == StatusWords.SecurityStatusNotSatisfied || (sw & 0xFF00) == 0x6300))
        {
            throw new CardAccessException(
                CardAccessFailure.WrongAccessKey,
                password.Reference == PacePassword.CanReference
                    ? "The card refused the CAN: check that it is the last 6 digits of the citizen's ID number."
                    : "The card refused the MRZ password: check the document number, date of birth and date of expiry.",
                sw);
        }

        if (sw != StatusWords.Success)
        {
            throw new CardAccessException(CardAccessFailure.UnexpectedResponse, $"The card ended PACE at GENERAL AUTHENTICATE (expecting {expectedTag:X2}).", sw);
        }

        return ReadDynamicAuthenticationData(response.AsMemory(0, response.Length - 2), expectedTag);
    }

    internal static byte[] ReadDynamicAuthenticationData(ReadOnlyMemory<byte> data, int expectedTag)
    {
        try
        {
            var root = BerTlv.ParseSingle(data);
            if (root.Tag != TagDynamicAuthenticationData)
            {
                throw new CardDataException($"the answer is tag {root.Tag:X2}, not dynamic authentication data (7C)", root.Offset);
            }

            return root.Child(expectedTag).Value.ToArray();
        }
        catch (CardDataException e)
        {
            throw new CardAccessException(CardAccessFailure.UnexpectedResponse, $"The card's GENERAL AUTHENTICATE answer is malformed: {e.Message}.", e);
        }
    }

    private static byte[] DecryptNonce(PaceAlgorithm algorithm, byte[] passwordKey, byte[] encryptedNonce)
    {
        var blockSize = algorithm.Cipher == SecureMessagingCipher.Aes ? AesCbc.BlockSize : Iso9797Padding.BlockSize;
        if (encryptedNonce.Length == 0 || encryptedNonce.Length % blockSize != 0 || encryptedNonce.Length > 64)
        {
            throw new CardAccessException(CardAccessFailure.UnexpectedResponse, $"The card's encrypted nonce is {encryptedNonce.Length} bytes, not a whole number of {blockSize}-byte blocks.");
        }

        return algorithm.Cipher == SecureMessagingCipher.Aes
            ? AesCbc.Decrypt(passwordKey, new byte[AesCbc.BlockSize], encryptedNonce)
            : TripleDesCbc.Decrypt(passwordKey, encryptedNonce);
    }

    /// <summary>A private key uniformly in [1, n-1] by rejection: the random source's bytes are used as they are, so a test can hand in a known key.</summary>
    private BigInteger RandomScalar(BigInteger order)
    {
        var bytes = new byte[(order.BitLength + 7) / 8];
        var excessBits = (bytes.Length * 8) - order.BitLength;
        for (var i = 0; i < MaxScalarDraws; i++)
        {
            _random.GetBytes(bytes);
            bytes[0] &= (byte)(0xFF >> excessBits);
            var candidate = new BigInteger(1, bytes);
            if (candidate.SignValue > 0 && candidate.CompareTo(order) < 0)
            {
                return candidate;
            }
        }

        throw new CryptographicException("The random source gave no usable private key.");
    }
}
