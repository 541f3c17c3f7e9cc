namespace TiepCongDan.Edge.Card.Icao;

/// <summary>The single-byte-tag BER-TLV subset secure messaging data objects use.</summary>
internal static class BerTlv
{
    public static byte[] Encode(byte tag, ReadOnlySpan<byte> value)
    {
        var length = EncodeLength(value.Length);
        var result = new byte[1 + length.Length + value.Length];
        result[0] = tag;
        length.CopyTo(result, 1);
        value.CopyTo(result.AsSpan(1 + length.Length));
        return result;
    }

    public static byte[] EncodeLength(int length) => length switch
    {
        < 0x80 => [(byte)length],
        <= 0xFF => [0x81, (byte)length],
        <= 0xFFFF => [0x82, (byte)(length >> 8), (byte)length],
        _ => throw new ArgumentOutOfRangeException(nameof(length), length, "Secure messaging data objects hold at most 65535 bytes."),
    };

    /// <summary>Reads one data object at <paramref name="offset"/>; returns the tag, its value's range and the offset after it.</summary>
    public static (byte Tag, Range Value, int Next) Read(ReadOnlySpan<byte> data, int offset)
    {
        if (offset + 2 > data.Length)
        {
            throw Truncated();
        }

        var tag = data[offset];
        var position = offset + 1;
        int length = data[position++];
        if (length > 0x80)
        {
            var count = length - 0x80;
            if (count > 2 || position + count > data.Length)
            {
                throw Truncated();
            }

            length = 0;
            for (var i = 0; i < count; i++)
            {
                length = (length << 8) | data[position++];
            }
        }
        else if (length == 0x80)
        {
            throw Truncated();
        }

        if (position + length > data.Length)
        {
            throw Truncated();
        }

        return (tag, position..(position + length), position + length);
    }

    private static CardAccessException Truncated() =>
        new(CardAccessFailure.SecureMessagingFailed, "A secure messaging response holds a malformed or truncated data object.");
}
