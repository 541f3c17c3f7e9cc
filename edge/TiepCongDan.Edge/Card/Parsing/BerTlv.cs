namespace TiepCongDan.Edge.Card.Parsing;

/// <summary>
/// The one BER-TLV codec for everything read from or sent to the card (ISO 7816-4 / ICAO 9303-10):
/// card files, secure messaging data objects, PACE's dynamic authentication data. Multi-byte tags,
/// definite lengths up to four bytes, nested constructed objects. Malformed input always ends in
/// <see cref="CardDataException"/>; protocol code maps it to its own failure.
/// </summary>
public static class BerTlv
{
    /// <summary>Deeper nesting than any LDS file uses; the bound keeps hostile input from exhausting the stack.</summary>
    public const int MaxDepth = 32;

    /// <summary>Parses a whole buffer as a sequence of TLV objects.</summary>
    public static IReadOnlyList<TlvNode> ParseAll(ReadOnlyMemory<byte> data) => ParseLevel(data, 0, 0);

    /// <summary>Parses exactly one TLV object filling the whole buffer.</summary>
    public static TlvNode ParseSingle(ReadOnlyMemory<byte> data)
    {
        var nodes = ParseAll(data);
        if (nodes.Count != 1)
        {
            throw new CardDataException($"expected one TLV object, found {nodes.Count}", nodes.Count > 1 ? nodes[1].Offset : 0);
        }

        return nodes[0];
    }

    /// <summary>
    /// Reads the one object starting at <paramref name="offset"/> without building a tree: its tag
    /// (bytes read big-endian), the range of its value in <paramref name="data"/>, and the offset after it.
    /// </summary>
    public static (int Tag, Range Value, int Next) ReadOne(ReadOnlySpan<byte> data, int offset)
    {
        if (offset < 0 || offset >= data.Length)
        {
            throw new CardDataException("TLV object expected past the end of the data", offset);
        }

        var pos = offset;
        var (tag, _) = ReadTag(data, ref pos, 0);
        var length = ReadLength(data, ref pos, 0);
        if (length > data.Length - pos)
        {
            throw new CardDataException($"TLV {tag:X2} length {length} exceeds the {data.Length - pos} bytes left", offset);
        }

        return (tag, pos..(pos + length), pos + length);
    }

    /// <summary>Encodes one object; <paramref name="tag"/> is the tag's bytes read big-endian (0x87, 0x7F49).</summary>
    public static byte[] Encode(int tag, ReadOnlySpan<byte> value)
    {
        var tagBytes = EncodeTag(tag);
        var length = EncodeLength(value.Length);
        var result = new byte[tagBytes.Length + length.Length + value.Length];
        tagBytes.CopyTo(result, 0);
        length.CopyTo(result, tagBytes.Length);
        value.CopyTo(result.AsSpan(tagBytes.Length + length.Length));
        return result;
    }

    /// <summary>The shortest definite length encoding (DER).</summary>
    public static byte[] EncodeLength(int length) => length switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(length), length, "A TLV length is not negative."),
        < 0x80 => [(byte)length],
        <= 0xFF => [0x81, (byte)length],
        <= 0xFFFF => [0x82, (byte)(length >> 8), (byte)length],
        <= 0xFFFFFF => [0x83, (byte)(length >> 16), (byte)(length >> 8), (byte)length],
        _ => [0x84, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length],
    };

    private static byte[] EncodeTag(int tag) => tag switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(tag), tag, "A TLV tag is not negative."),
        <= 0xFF => [(byte)tag],
        <= 0xFFFF => [(byte)(tag >> 8), (byte)tag],
        <= 0xFFFFFF => [(byte)(tag >> 16), (byte)(tag >> 8), (byte)tag],
        _ => [(byte)(tag >> 24), (byte)(tag >> 16), (byte)(tag >> 8), (byte)tag],
    };

    private static List<TlvNode> ParseLevel(ReadOnlyMemory<byte> data, int baseOffset, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new CardDataException($"TLV nesting deeper than {MaxDepth}", baseOffset);
        }

        var nodes = new List<TlvNode>();
        var span = data.Span;
        var pos = 0;
        while (pos < span.Length)
        {
            var start = pos;
            var (tag, constructed) = ReadTag(span, ref pos, baseOffset);
            var length = ReadLength(span, ref pos, baseOffset);
            if (length > span.Length - pos)
            {
                throw new CardDataException($"TLV {tag:X2} length {length} exceeds the {span.Length - pos} bytes left", baseOffset + start);
            }

            var value = data.Slice(pos, length);
            IReadOnlyList<TlvNode> children = constructed ? ParseLevel(value, baseOffset + pos, depth + 1) : [];
            nodes.Add(new TlvNode(tag, constructed, baseOffset + start, value, children));
            pos += length;
        }

        return nodes;
    }

    private static (int Tag, bool Constructed) ReadTag(ReadOnlySpan<byte> span, ref int pos, int baseOffset)
    {
        var start = pos;
        int first = span[pos++];
        var constructed = (first & 0x20) != 0;
        var tag = first;
        if ((first & 0x1F) != 0x1F)
        {
            return (tag, constructed);
        }

        // Subsequent bytes carry 7 bits each while the top bit is set; four bytes fit an int.
        for (var i = 0; ; i++)
        {
            if (pos >= span.Length)
            {
                throw new CardDataException("TLV tag truncated", baseOffset + start);
            }

            if (i == 3)
            {
                throw new CardDataException("TLV tag longer than 4 bytes", baseOffset + start);
            }

            int b = span[pos++];
            tag = (tag << 8) | b;
            if ((b & 0x80) == 0)
            {
                return (tag, constructed);
            }
        }
    }

    private static int ReadLength(ReadOnlySpan<byte> span, ref int pos, int baseOffset)
    {
        if (pos >= span.Length)
        {
            throw new CardDataException("TLV length missing", baseOffset + pos);
        }

        var start = pos;
        int first = span[pos++];
        if (first < 0x80)
        {
            return first;
        }

        if (first == 0x80)
        {
            throw new CardDataException("TLV indefinite length is not allowed in card files", baseOffset + start);
        }

        var count = first & 0x7F;
        if (count > 4)
        {
            throw new CardDataException($"TLV length of {count} bytes (at most 4)", baseOffset + start);
        }

        if (count > span.Length - pos)
        {
            throw new CardDataException("TLV length truncated", baseOffset + start);
        }

        long length = 0;
        for (var i = 0; i < count; i++)
        {
            length = (length << 8) | span[pos++];
        }

        if (length > int.MaxValue)
        {
            throw new CardDataException($"TLV length {length} too large", baseOffset + start);
        }

        return (int)length;
    }
}
