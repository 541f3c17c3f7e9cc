using System.Security.Cryptography;

namespace TiepCongDan.CardSim.Cccd;

/// <summary>
/// The card's half of ICAO 9303-11 §9.8 secure messaging: checks and decrypts protected commands
/// (DO'87' or DO'85' data, DO'97' Le, DO'8E' MAC) and protects responses (DO'87', DO'99', DO'8E').
/// 3DES: zero IV, retail MAC, 8-byte SSC. AES: IV = E(KSenc, SSC), AES-CMAC cut to 8 bytes,
/// 16-byte SSC, padding to 16. The SSC goes up before each command and each response is checked or built.
/// </summary>
internal sealed class CardSecureMessagingSession
{
    private readonly byte[] _encryptionKey;
    private readonly byte[] _macKey;
    private readonly byte[] _ssc;
    private readonly bool _aes;

    public CardSecureMessagingSession(CardSessionKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _aes = keys.Aes;
        var sscLength = _aes ? 16 : 8;
        if (keys.SendSequenceCounter.Length != sscLength)
        {
            throw new ArgumentException($"The send sequence counter is {sscLength} bytes for {(_aes ? "AES" : "3DES")}, not {keys.SendSequenceCounter.Length}.", nameof(keys));
        }

        if (_aes ? keys.EncryptionKey.Length is not (16 or 24 or 32) : keys.EncryptionKey.Length != 16)
        {
            throw new ArgumentException($"A {(_aes ? "AES" : "3DES")} session key of {keys.EncryptionKey.Length} bytes is not valid.", nameof(keys));
        }

        _encryptionKey = keys.EncryptionKey.ToArray();
        _macKey = keys.MacKey.ToArray();
        _ssc = keys.SendSequenceCounter.ToArray();
    }

    private int BlockSize => _aes ? 16 : 8;

    /// <summary>The plain command inside a protected one; throws <see cref="SecureMessagingViolationException"/> on any defect.</summary>
    public CommandApdu Unwrap(CommandApdu command)
    {
        Increment();
        byte[]? do87 = null;
        byte[]? encrypted = null;
        byte[]? do97 = null;
        byte[]? mac = null;
        var data = command.Data;
        var offset = 0;
        try
        {
            while (offset < data.Length)
            {
                var (tag, value, next) = Tlv.ReadSimple(data, offset);
                var whole = data[offset..next];
                switch (tag)
                {
                    case 0x87 or 0x85 when encrypted is null && do97 is null && mac is null:
                        do87 = whole;
                        encrypted = tag == 0x87 ? RequirePaddingIndicator(value) : value;
                        break;
                    case 0x97 when do97 is null && mac is null:
                        do97 = whole;
                        if (value.Length > 2)
                        {
                            throw new SecureMessagingViolationException("DO'97' holds more than 2 bytes.");
                        }

                        break;
                    case 0x8E when mac is null:
                        mac = value;
                        break;
                    default:
                        throw new SecureMessagingViolationException($"Unexpected data object {tag:X2} in a protected command.");
                }

                offset = next;
            }
        }
        catch (FormatException e)
        {
            throw new SecureMessagingViolationException("Malformed data objects in a protected command.", e);
        }

        if (mac is null)
        {
            throw new SecureMessagingViolationException("The protected command carries no MAC.");
        }

        byte[] header = [command.Cla, command.Ins, command.P1, command.P2];
        byte[] macInput = [.. _ssc, .. CardCrypto.Pad(header, BlockSize), .. do87 ?? [], .. do97 ?? []];
        if (!CryptographicOperations.FixedTimeEquals(Mac(macInput), mac))
        {
            throw new SecureMessagingViolationException("The protected command's MAC is wrong.");
        }

        var plainData = encrypted is null ? [] : Decrypt(encrypted);
        int? ne = do97 is null ? null : Ne(do97[2..]);
        return new CommandApdu((byte)(command.Cla & ~0x0C), command.Ins, command.P1, command.P2, plainData, ne, command.Extended);
    }

    /// <summary>The protected response APDU for a plain answer.</summary>
    public byte[] Wrap(CardResponse response)
    {
        Increment();
        byte[] do87 = response.Data.Length == 0 ? [] : Tlv.Encode(0x87, [0x01, .. Encrypt(response.Data)]);
        byte[] do99 = [0x99, 0x02, (byte)(response.Status >> 8), (byte)response.Status];
        var mac = Mac([.. _ssc, .. do87, .. do99]);
        return [.. do87, .. do99, 0x8E, CardCrypto.MacLength, .. mac, (byte)(response.Status >> 8), (byte)response.Status];
    }

    private static byte[] RequirePaddingIndicator(byte[] value)
    {
        if (value.Length < 1 || value[0] != 0x01)
        {
            throw new SecureMessagingViolationException("DO'87' lacks the padding indicator 01.");
        }

        return value[1..];
    }

    private static int Ne(byte[] le) => le.Length switch
    {
        0 => 256,
        1 => le[0] == 0 ? 256 : le[0],
        _ => (le[0] | le[1]) == 0 ? 65536 : (le[0] << 8) | le[1],
    };

    private byte[] Mac(byte[] input)
    {
        var padded = CardCrypto.Pad(input, BlockSize);
        return _aes ? CardCrypto.AesCmac(_macKey, padded) : CardCrypto.RetailMac(_macKey, padded);
    }

    private byte[] Encrypt(byte[] data)
    {
        var padded = CardCrypto.Pad(data, BlockSize);
        return _aes
            ? CardCrypto.AesCbc(true, _encryptionKey, CardCrypto.AesEncryptBlock(_encryptionKey, _ssc), padded)
            : CardCrypto.TripleDesCbc(true, _encryptionKey, padded);
    }

    private byte[] Decrypt(byte[] cryptogram)
    {
        try
        {
            var padded = _aes
                ? CardCrypto.AesCbc(false, _encryptionKey, CardCrypto.AesEncryptBlock(_encryptionKey, _ssc), cryptogram)
                : CardCrypto.TripleDesCbc(false, _encryptionKey, cryptogram);
            return CardCrypto.Unpad(padded);
        }
        catch (FormatException e)
        {
            throw new SecureMessagingViolationException("The protected command's cryptogram does not decrypt.", e);
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
}
