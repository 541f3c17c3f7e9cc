namespace TiepCongDan.Edge.Card.Icao;

/// <summary>
/// ISO/IEC 9797-1 padding method 2 (0x80 then zeros to a whole block), as ICAO 9303 uses for MACs
/// and encrypted data: 8-byte blocks for 3DES, 16-byte blocks for AES.
/// </summary>
public static class Iso9797Padding
{
    /// <summary>The DES block size, the default.</summary>
    public const int BlockSize = 8;

    public static byte[] Pad(ReadOnlySpan<byte> data) => Pad(data, BlockSize);

    public static byte[] Pad(ReadOnlySpan<byte> data, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        var padded = new byte[(data.Length / blockSize + 1) * blockSize];
        data.CopyTo(padded);
        padded[data.Length] = 0x80;
        return padded;
    }

    /// <summary>Removes method-2 padding; throws when the padding is malformed (a decryption under a wrong key looks like that).</summary>
    public static byte[] Unpad(ReadOnlySpan<byte> padded) => Unpad(padded, BlockSize);

    public static byte[] Unpad(ReadOnlySpan<byte> padded, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        if (padded.Length == 0 || padded.Length % blockSize != 0)
        {
            throw new CardAccessException(CardAccessFailure.SecureMessagingFailed, $"Padded data of {padded.Length} bytes is not a whole number of {blockSize}-byte blocks.");
        }

        var i = padded.Length - 1;
        while (i >= 0 && padded[i] == 0x00 && padded.Length - i <= blockSize)
        {
            i--;
        }

        if (i < 0 || padded[i] != 0x80 || padded.Length - i > blockSize)
        {
            throw new CardAccessException(CardAccessFailure.SecureMessagingFailed, "Decrypted data does not end in ISO 9797-1 method 2 padding.");
        }

        return padded[..i].ToArray();
    }
}
