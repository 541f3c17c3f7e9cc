using System.Security.Cryptography;

namespace TiepCongDan.Edge.Card.Icao;

/// <summary>
/// AES-CMAC (NIST SP 800-38B, RFC 4493), which .NET does not offer. PACE with AES uses it truncated
/// to 8 bytes for the authentication tokens and the secure messaging MAC.
/// </summary>
public static class AesCmac
{
    /// <summary>The length ICAO 9303 truncates the MAC to.</summary>
    public const int TruncatedLength = 8;

    private const byte Rb = 0x87;

    /// <summary>The full 16-byte CMAC of <paramref name="message"/> (CMAC pads internally; callers pass the message as is).</summary>
    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException($"An AES key is 16, 24 or 32 bytes, not {key.Length}.", nameof(key));
        }

        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var l = aes.EncryptEcb(new byte[AesCbc.BlockSize], PaddingMode.None);
        var k1 = Double(l);
        var k2 = Double(k1);

        var blocks = Math.Max(1, (message.Length + AesCbc.BlockSize - 1) / AesCbc.BlockSize);
        var complete = message.Length > 0 && message.Length % AesCbc.BlockSize == 0;
        var input = new byte[blocks * AesCbc.BlockSize];
        message.CopyTo(input);
        if (!complete)
        {
            input[message.Length] = 0x80;
        }

        var subkey = complete ? k1 : k2;
        var last = input.AsSpan(input.Length - AesCbc.BlockSize);
        for (var i = 0; i < AesCbc.BlockSize; i++)
        {
            last[i] ^= subkey[i];
        }

        var chained = aes.EncryptCbc(input, new byte[AesCbc.BlockSize], PaddingMode.None);
        return chained[^AesCbc.BlockSize..];
    }

    /// <summary>The first 8 bytes of the CMAC, as PACE tokens and AES secure messaging carry it.</summary>
    public static byte[] ComputeTruncated(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message) =>
        Compute(key, message)[..TruncatedLength];

    /// <summary>Constant-time check of a truncated MAC.</summary>
    public static bool VerifyTruncated(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> receivedMac) =>
        receivedMac.Length == TruncatedLength && CryptographicOperations.FixedTimeEquals(ComputeTruncated(key, message), receivedMac);

    private static byte[] Double(ReadOnlySpan<byte> block)
    {
        var result = new byte[block.Length];
        var carry = 0;
        for (var i = block.Length - 1; i >= 0; i--)
        {
            result[i] = (byte)((block[i] << 1) | carry);
            carry = block[i] >> 7;
        }

        if ((block[0] & 0x80) != 0)
        {
            result[^1] ^= Rb;
        }

        return result;
    }
}
