using System.Security.Cryptography;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Card.Icao;

/// <summary>
/// ICAO 9303-11 §9.8 secure messaging, with 3DES (after BAC or PACE-3DES: CBC with a zero IV,
/// retail MAC, 8-byte counter) or AES (after PACE-AES: CBC with IV = E(KSenc, SSC), CMAC truncated
/// to 8 bytes, 16-byte counter, 16-byte padding blocks), as <see cref="SecureMessagingKeys.Cipher"/>
/// says. Wraps each plain command APDU
/// (DO'87' encrypted data, DO'97' Le, DO'8E' MAC) and unwraps the response (DO'8E' verified
/// before anything else is used, DO'87' decrypted, status from DO'99'). The send sequence counter
/// goes up once for the command and once for its response, so a lost or replayed exchange breaks
/// every later MAC: after any exception here the session is over and access must run again.
/// Short APDUs only (readers without extended length read in chunks anyway).
/// Not thread-safe, like the card session it protects.
/// </summary>
public sealed class SecureMessaging : IApduTransport
{
    private const byte PaddingIndicator = 0x01;
    private const byte TagEncryptedData = 0x87;
    private const byte TagLe = 0x97;
    private const byte TagStatus = 0x99;
    private const byte TagMac = 0x8E;

    private readonly IApduTransport _inner;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _macKey;
    private readonly byte[] _ssc;
    private readonly SecureMessagingCipher _cipher;
    private readonly int _blockSize;

    public SecureMessaging(IApduTransport inner, SecureMessagingKeys keys)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(keys);
        switch (keys.Cipher)
        {
            case SecureMessagingCipher.TripleDes:
                _blockSize = Iso9797Padding.BlockSize;
                if (keys.EncryptionKey.Length != 16 || keys.MacKey.Length != 16)
                {
                    throw new ArgumentException("3DES session keys are 16 bytes each.", nameof(keys));
                }

                break;
            case SecureMessagingCipher.Aes:
                _blockSize = AesCbc.BlockSize;
                if (keys.EncryptionKey.Length is not (16 or 24 or 32) || keys.MacKey.Length != keys.EncryptionKey.Length)
                {
                    throw new ArgumentException("AES session keys are 16, 24 or 32 bytes each, both the same length.", nameof(keys));
                }

                break;
            default:
                throw new ArgumentException($"Unknown secure messaging cipher {keys.Cipher}.", nameof(keys));
        }

        if (keys.SendSequenceCounter.Length != _blockSize)
        {
            throw new ArgumentException($"The {keys.Cipher} send sequence counter is {_blockSize} bytes, not {keys.SendSequenceCounter.Length}.", nameof(keys));
        }

        _inner = inner;
        _cipher = keys.Cipher;
        _encryptionKey = keys.EncryptionKey.ToArray();
        _macKey = keys.MacKey.ToArray();
        _ssc = keys.SendSequenceCounter.ToArray();
    }

    /// <summary>The counter's current value, for diagnostics and tests.</summary>
    public ReadOnlyMemory<byte> SendSequenceCounter => _ssc.ToArray();

    /// <summary>Sends a plain command APDU protected; returns the plain response (data, then SW1 SW2 from DO'99').</summary>
    public byte[] Transmit(ReadOnlySpan<byte> commandApdu)
    {
        var protectedCommand = Wrap(commandApdu);
        var response = _inner.Transmit(protectedCommand);
        return Unwrap(response);
    }

    /// <summary>Builds the protected form of a plain short command APDU; increments the counter.</summary>
    public byte[] Wrap(ReadOnlySpan<byte> commandApdu)
    {
        var (data, le) = ParseShortApdu(commandApdu);
        byte[] header = [(byte)(commandApdu[0] | 0x0C), commandApdu[1], commandApdu[2], commandApdu[3]];

        // The counter moves first: AES derives the IV for the command data from its new value.
        Increment();
        var do87 = data.Length == 0
            ? []
            : BerTlv.Encode(TagEncryptedData, [PaddingIndicator, .. Encrypt(Iso9797Padding.Pad(data, _blockSize))]);
        var do97 = le is { } l ? BerTlv.Encode(TagLe, [l]) : [];

        byte[] macInput = [.. _ssc, .. Iso9797Padding.Pad(header, _blockSize), .. do87, .. do97];
        var do8E = BerTlv.Encode(TagMac, Mac(macInput));

        var bodyLength = do87.Length + do97.Length + do8E.Length;
        if (bodyLength > 0xFF)
        {
            throw new ArgumentException($"The protected command would carry {bodyLength} bytes; short APDUs hold 255.", nameof(commandApdu));
        }

        return [.. header, (byte)bodyLength, .. do87, .. do97, .. do8E, 0x00];
    }

    /// <summary>Verifies and decrypts a protected response APDU; increments the counter.</summary>
    public byte[] Unwrap(ReadOnlySpan<byte> responseApdu)
    {
        Increment();
        var outerStatus = StatusWords.Of(responseApdu);
        var body = responseApdu[..^2];
        if (body.IsEmpty)
        {
            // Without DOs there is no MAC: nothing in it can be trusted, not even the status word.
            throw new CardAccessException(CardAccessFailure.SecureMessagingFailed, "The card answered without secure messaging.", outerStatus);
        }

        Range? encrypted = null;
        Range? status = null;
        Range? mac = null;
        var macCovered = 0;
        var offset = 0;
        while (offset < body.Length)
        {
            var (tag, value, next) = ReadDataObject(body, offset);
            switch (tag)
            {
                case TagEncryptedData when encrypted is null && mac is null:
                    encrypted = value;
                    break;
                case TagStatus when status is null && mac is null:
                    status = value;
                    break;
                case TagMac when mac is null:
                    mac = value;
                    macCovered = offset;
                    break;
                default:
                    throw new CardAccessException(CardAccessFailure.SecureMessagingFailed, $"Unexpected or repeated data object {tag:X2} in a secure messaging response.");
            }

            offset = next;
        }

        if (mac is not { } macRange)
        {
            throw new CardAccessException(CardAccessFailure.SecureMessagingFailed, "The card's secure messaging response carries no MAC.", outerStatus);
        }

        byte[] macInput = [.. _ssc, .. body[..macCovered]];
        if (!CryptographicOperations.FixedTimeEquals(Mac(macInput), body[macRange]))
        {
            throw new CardAccessException(CardAccessFailure.SecureMessagingFailed, "The card's secure messaging response carries a wrong MAC.", outerStatus);
        }

        if (status is not { } statusRange || body[statusRange].Length != 2)
        {
            throw new CardAccessException(CardAccessFailure.SecureMessagingFailed, "The card's secure messaging response carries no status data object.", outerStatus);
        }

        var plain = encrypted is { } encryptedRange ? Decrypt(body[encryptedRange]) : [];
        return [.. plain, .. body[statusRange]];
    }

    private byte[] Decrypt(ReadOnlySpan<byte> do87Value)
    {
        if (do87Value.Length < 1 + _blockSize || do87Value[0] != PaddingIndicator)
        {
            throw new CardAccessException(CardAccessFailure.SecureMessagingFailed, "The card's encrypted data object is malformed.");
        }

        try
        {
            var plain = _cipher == SecureMessagingCipher.Aes
                ? AesCbc.Decrypt(_encryptionKey, AesCbc.EncryptBlock(_encryptionKey, _ssc), do87Value[1..])
                : TripleDesCbc.Decrypt(_encryptionKey, do87Value[1..]);
            return Iso9797Padding.Unpad(plain, _blockSize);
        }
        catch (ArgumentException e)
        {
            throw new CardAccessException(CardAccessFailure.SecureMessagingFailed, "The card's encrypted data is not a whole number of blocks.", e);
        }
        catch (CryptographicException e)
        {
            throw new CardAccessException(CardAccessFailure.SecureMessagingFailed, "The card's encrypted data could not be decrypted.", e);
        }
    }

    private byte[] Encrypt(byte[] padded) => _cipher == SecureMessagingCipher.Aes
        ? AesCbc.Encrypt(_encryptionKey, AesCbc.EncryptBlock(_encryptionKey, _ssc), padded)
        : TripleDesCbc.Encrypt(_encryptionKey, padded);

    /// <summary>The 8-byte MAC over SSC || header || DOs: retail MAC (which pads to 8 itself) or CMAC over the input padded to 16.</summary>
    private byte[] Mac(ReadOnlySpan<byte> input) => _cipher == SecureMessagingCipher.Aes
        ? AesCmac.ComputeTruncated(_macKey, Iso9797Padding.Pad(input, _blockSize))
        : RetailMac.Compute(_macKey, input);

    private static (int Tag, Range Value, int Next) ReadDataObject(ReadOnlySpan<byte> body, int offset)
    {
        try
        {
            return BerTlv.ReadOne(body, offset);
        }
        catch (CardDataException e)
        {
            throw new CardAccessException(CardAccessFailure.SecureMessagingFailed, "A secure messaging response holds a malformed or truncated data object.", e);
        }
    }

    private void Increment()
    {
        for (var i = _ssc.Length - 1; i >= 0; i--)
        {
            if (++_ssc[i] != 0)
            {
                return;
            }
        }
    }

    private static (byte[] Data, byte? Le) ParseShortApdu(ReadOnlySpan<byte> apdu)
    {
        if (apdu.Length < 4)
        {
            throw new ArgumentException("A command APDU has at least a 4-byte header.", nameof(apdu));
        }

        if (apdu.Length == 4)
        {
            return ([], null);
        }

        if (apdu.Length == 5)
        {
            return ([], apdu[4]);
        }

        var lc = apdu[4];
        if (lc == 0)
        {
            throw new ArgumentException("Extended-length APDUs are not supported under secure messaging here; read in chunks.", nameof(apdu));
        }

        if (apdu.Length == 5 + lc)
        {
            return (apdu.Slice(5, lc).ToArray(), null);
        }

        if (apdu.Length == 6 + lc)
        {
            return (apdu.Slice(5, lc).ToArray(), apdu[^1]);
        }

        throw new ArgumentException($"The command APDU's Lc ({lc}) does not match its length ({apdu.Length}).", nameof(apdu));
    }
}
