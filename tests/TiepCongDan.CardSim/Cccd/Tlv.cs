namespace TiepCongDan.CardSim.Cccd;

/// <summary>
/// BER-TLV as the LDS writes it: tags given as their bytes read big-endian (0x5F01 stays two bytes,
/// as ICAO 9303-10 fixes it, though ASN.1 would shorten it), definite lengths.
/// </summary>
internal static class Tlv
{
    public static byte[] Encode(int tag, ReadOnlySpan<byte> value)
    {
        byte[] tagBytes = tag switch
        {
            <= 0xFF => [(byte)tag],
            <= 0xFFFF => [(byte)(tag >> 8), (byte)tag],
            _ => [(byte)(tag >> 16), (byte)(tag >> 8), (byte)tag],
        };
        return [.. tagBytes, .. Length(value.Length), .. value];
    }

    public static byte[] Length(int length) => length switch
    {
        < 0x80 => [(byte)length],
        <= 0xFF => [0x81, (byte)length],
        <= 0xFFFF => [0x82, (byte)(length >> 8), (byte)length],
        _ => [0x83, (byte)(length >> 16), (byte)(length >> 8), (byte)length],
    };

    /// <summary>Reads the object at <paramref name="offset"/> (single-byte tags only, as secure messaging uses); returns its tag, value and the offset after it.</summary>
    public static (byte Tag, byte[] Value, int Next) ReadSimple(ReadOnlySpan<byte> data, int offset)
    {
        if (offset + 2 > data.Length)
        {
            throw new FormatException("Truncated data object.");
        }

        var tag = data[offset];
        var position = offset + 1;
        int length = data[position++];
        if (length > 0x80)
        {
            var count = length & 0x7F;
            if (count > 3 || position + count > data.Length)
            {
                throw new FormatException("Bad data object length.");
            }

            length = 0;
            for (var i = 0; i < count; i++)
            {
                length = (length << 8) | data[position++];
            }
        }
        else if (length == 0x80)
        {
            throw new FormatException("Indefinite length in a data object.");
        }

        if (position + length > data.Length)
        {
            throw new FormatException("Data object longer than the data.");
        }

        return (tag, data.Slice(position, length).ToArray(), position + length);
    }
}
