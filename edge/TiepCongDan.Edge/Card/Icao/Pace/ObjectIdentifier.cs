using System.Globalization;
using System.Text;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Card.Icao.Pace;

/// <summary>ASN.1 OBJECT IDENTIFIER values (the bytes inside tag 06) to and from dotted text.</summary>
internal static class ObjectIdentifier
{
    public static string Decode(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            throw new CardDataException("an object identifier is empty");
        }

        if ((value[^1] & 0x80) != 0)
        {
            throw new CardDataException("an object identifier ends inside an arc");
        }

        var text = new StringBuilder();
        ulong arc = 0;
        var first = true;
        foreach (var b in value)
        {
            if (arc > (ulong.MaxValue >> 7))
            {
                throw new CardDataException("an object identifier arc is too large");
            }

            arc = (arc << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) != 0)
            {
                continue;
            }

            if (first)
            {
                var top = Math.Min(arc / 40, 2);
                text.Append(CultureInfo.InvariantCulture, $"{top}.{arc - (top * 40)}");
                first = false;
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $".{arc}");
            }

            arc = 0;
        }

        return text.ToString();
    }

    public static byte[] Encode(string dotted)
    {
        var arcs = dotted.Split('.').Select(a => ulong.Parse(a, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        if (arcs.Length < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40))
        {
            throw new FormatException($"'{dotted}' is not an object identifier.");
        }

        var bytes = new List<byte>();
        AppendArc(bytes, (arcs[0] * 40) + arcs[1]);
        foreach (var arc in arcs.Skip(2))
        {
            AppendArc(bytes, arc);
        }

        return [.. bytes];
    }

    private static void AppendArc(List<byte> bytes, ulong arc)
    {
        Span<byte> groups = stackalloc byte[10];
        var count = 0;
        do
        {
            groups[count++] = (byte)(arc & 0x7F);
            arc >>= 7;
        }
        while (arc != 0);

        for (var i = count - 1; i >= 0; i--)
        {
            bytes.Add((byte)(groups[i] | (i > 0 ? 0x80 : 0)));
        }
    }
}
