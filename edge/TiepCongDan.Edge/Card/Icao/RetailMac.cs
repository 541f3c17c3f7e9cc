using System.Security.Cryptography;

namespace TiepCongDan.Edge.Card.Icao;

/// <summary>
/// ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with DES and padding method 2: single-DES CBC
/// under the key's first half, then decrypt under the second half and encrypt under the first
/// on the last block. The 8-byte MAC ICAO 9303 uses for BAC and secure messaging.
/// </summary>
public static class RetailMac
{
    public const int MacLength = 8;

    /// <summary>MAC of <paramref name="message"/> (padded here) under a 16-byte key.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message)
    {
        if (key.Length != 16)
        {
            throw new ArgumentException($"A retail MAC key is 16 bytes, not {key.Length}.", nameof(key));
        }

        var padded = Iso9797Padding.Pad(message);
        Span<byte> zeroIv = stackalloc byte[Iso9797Padding.BlockSize];
        zeroIv.Clear();

        using var ka = DES.Create();
        ka.Key = key[..8].ToArray();
        using var kb = DES.Create();
        kb.Key = key[8..].ToArray();

        var chained = ka.EncryptCbc(padded, zeroIv, PaddingMode.None);
        var last = chained.AsSpan(chained.Length - Iso9797Padding.BlockSize);
        var decrypted = kb.DecryptEcb(last, PaddingMode.None);
        return ka.EncryptEcb(decrypted, PaddingMode.None);
    }

    /// <summary>Constant-time comparison of a received MAC with the one computed here.</summary>
    public static bool Verify(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> receivedMac) =>
        receivedMac.Length == MacLength && CryptographicOperations.FixedTimeEquals(Compute(key, message), receivedMac);
}
