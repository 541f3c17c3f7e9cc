namespace TiepCongDan.Edge.Card.Parsing;

/// <summary>
/// BER-TLV reader for card files (ISO 7816-4 / ICAO 9303-10): multi-byte tags, definite lengths up to
/// four bytes, nested constructed objects. Malformed input always ends in <see cref="CardDataException"/>.
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
