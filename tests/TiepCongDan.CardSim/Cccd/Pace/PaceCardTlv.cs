namespace TiepCongDan.CardSim.Cccd.Pace;

/// <summary>The few BER-TLV shapes the card side of PACE reads and writes (1- or 2-byte tags, lengths up to 65535).</summary>
internal static class PaceCardTlv
{
    public static byte[] Encode(int tag, ReadOnlySpan<byte> value)
    {
        byte[] tagBytes = tag > 0xFF ? [(byte)(tag >> 8), (byte)tag] : [(byte)tag];
        byte[] length = value.Length switch
        {
            < 0x80 => [(byte)value.Length],
            <= 0xFF => [0x81, (byte)value.Length],
            _ => [0x82, (byte)(value.Length >> 8), (byte)value.Length],
        };
        return [.. tagBytes, .. length, .. value];
    }

    /// <summary>The objects directly inside <paramref name="data"/> (single-byte tags); null when malformed.</summary>
    public static Dictionary<byte, byte[]>? ReadFlat(ReadOnlySpan<byte> data)
    {
        var result = new Dictionary<byte, byte[]>();
        var pos = 0;
        while (pos < data.Length)
        {
            if (pos + 2 > data.Length)
            {
                return null;
            }

            var tag = data[pos++];
            int length = data[pos++];
            if (length == 0x81)
            {
                if (pos >= data.Length)
                {
                    return null;
                }

                length = data[pos++];
            }
            else if (length == 0x82)
            {
                if (pos + 2 > data.Length)
                {
                    return null;
                }

                length = (data[pos] << 8) | data[pos + 1];
                pos += 2;
            }
            else if (length > 0x80)
            {
                return null;
            }

            if (length > data.Length - pos || !result.TryAdd(tag, data.Slice(pos, length).ToArray()))
            {
                return null;
            }

            pos += length;
        }

        return result;
    }
}
