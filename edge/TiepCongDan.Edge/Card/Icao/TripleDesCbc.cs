using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace TiepCongDan.Edge.Card.Icao;

/// <summary>Two-key 3DES in CBC mode with a zero IV and no padding, the cipher of BAC and its secure messaging.</summary>
[SuppressMessage("Security", "CA5350", Justification = "ICAO 9303 BAC secure messaging fixes 3DES; the chip accepts nothing else.")]
public static class TripleDesCbc
{
    public static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        using var des = Create(key, data.Length);
        return des.EncryptCbc(data, new byte[Iso9797Padding.BlockSize], PaddingMode.None);
    }

    public static byte[] Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        using var des = Create(key, data.Length);
        return des.DecryptCbc(data, new byte[Iso9797Padding.BlockSize], PaddingMode.None);
    }

    private static TripleDES Create(ReadOnlySpan<byte> key, int dataLength)
    {
        if (key.Length != 16)
        {
            throw new ArgumentException($"A two-key 3DES key is 16 bytes, not {key.Length}.", nameof(key));
        }

        if (dataLength % Iso9797Padding.BlockSize != 0)
        {
            throw new ArgumentException($"3DES-CBC data must be a whole number of 8-byte blocks, not {dataLength} bytes.", nameof(dataLength));
        }

        // K1 || K2 || K1: OpenSSL 3 (the Linux backend) refuses a 16-byte two-key 3DES key.
        var des = TripleDES.Create();
        des.Key = [.. key, .. key[..8]];
        return des;
    }
}
