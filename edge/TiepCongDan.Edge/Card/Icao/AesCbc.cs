using System.Security.Cryptography;

namespace TiepCongDan.Edge.Card.Icao;

/// <summary>
/// AES in CBC mode without padding, and the single-block ECB encryption that AES secure messaging
/// uses to turn the send sequence counter into an IV (ICAO 9303-11 §9.8.6.1).
/// </summary>
public static class AesCbc
{
    public const int BlockSize = 16;

    public static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> data)
    {
        using var aes = Create(key, data.Length);
        return aes.EncryptCbc(data, iv, PaddingMode.None);
    }

    public static byte[] Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> data)
    {
        using var aes = Create(key, data.Length);
        return aes.DecryptCbc(data, iv, PaddingMode.None);
    }

    /// <summary>E(key, block): one block, no chaining.</summary>
    public static byte[] EncryptBlock(ReadOnlySpan<byte> key, ReadOnlySpan<byte> block)
    {
        if (block.Length != BlockSize)
        {
            throw new ArgumentException($"An AES block is {BlockSize} bytes, not {block.Length}.", nameof(block));
        }

        using var aes = Create(key, BlockSize);
        return aes.EncryptEcb(block, PaddingMode.None);
    }

    private static Aes Create(ReadOnlySpan<byte> key, int dataLength)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException($"An AES key is 16, 24 or 32 bytes, not {key.Length}.", nameof(key));
        }

        if (dataLength % BlockSize != 0)
        {
            throw new ArgumentException($"AES-CBC data must be a whole number of 16-byte blocks, not {dataLength} bytes.", nameof(dataLength));
        }

        var aes = Aes.Create();
        aes.Key = key.ToArray();
        return aes;
    }
}
