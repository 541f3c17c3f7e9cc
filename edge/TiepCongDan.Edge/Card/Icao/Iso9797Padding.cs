namespace TiepCongDan.Edge.Card.Icao;

/// <summary>ISO/IEC 9797-1 padding method 2 (0x80 then zeros to a multiple of 8), as ICAO 9303 uses for MACs and encrypted data.</summary>
public static class Iso9797Padding
{
    public const int BlockSize = 8;

    public static byte[] Pad(ReadOnlySpan<byte> data)
    {
        var padded = new byte[(data.Length / BlockSize + 1) * BlockSize];
        data.CopyTo(padded);
        padded[data.Length] = 0x80;
        return padded;
    }

    /// <summary>Removes method-2 padding; throws when the padding is malformed (a decryption under a wrong key looks like that).</summary>
    public static byte[] Unpad(ReadOnlySpan<byte> padded)
    {
        if (padded.Length == 0 || padded.Length % BlockSize != 0)
        {
            throw new CardAccessException(CardAccessFailure.SecureMessagingFailed, $"Padded data of {padded.Length} bytes is not a whole number of blocks.");
        }

        var i = padded.Length - 1;
        while (i >= 0 && padded[i] == 0x00 && padded.Length - i <= BlockSize)
        {
            i--;
        }

        if (i < 0 || padded[i] != 0x80 || padded.Length - i > BlockSize)
        {
            throw new CardAccessException(CardAccessFailure.SecureMessagingFailed, "Decrypted data does not end in ISO 9797-1 method 2 padding.");
        }

        return padded[..i].ToArray();
    }
}
