using System.Formats.Asn1;
using System.Numerics;
using System.Text;

namespace TiepCongDan.Edge.Card.Parsing;

/// <summary>
/// DG13, the Vietnamese personal data group: <c>6D { SEQUENCE { INTEGER version, OID, SET OF SEQUENCE { INTEGER n, value } } }</c>.
/// Parsed by tag; known fields 1-14 mapped, every field (known or not) kept in <see cref="Fields"/>.
/// </summary>
public sealed class Dg13
{
    private const int MaxDepth = 16;

    private static readonly Asn1Tag Dg13Tag = new(TagClass.Application, 13, isConstructed: true);

    private Dg13(int version, string oid, IReadOnlyDictionary<int, Dg13Field> fields)
    {
        Version = version;
        Oid = oid;
        Fields = fields;
    }

    public int Version { get; }

    public string Oid { get; }

    /// <summary>Every field by number, including ones this parser does not know (15, 16, ...).</summary>
    public IReadOnlyDictionary<int, Dg13Field> Fields { get; }

    public string IdNumber => Text(1);

    public string FullName => Text(2);

    /// <summary>As stored on the card (usually dd/MM/yyyy).</summary>
    public string DateOfBirth => Text(3);

    public string Sex => Text(4);

    public string Nationality => Text(5);

    public string Ethnicity => Text(6);

    public string Religion => Text(7);

    public string PlaceOfOrigin => Text(8);

    public string PlaceOfResidence => Text(9);

    public string IdentifyingMarks => Text(10);

    public string DateOfIssue => Text(11);

    /// <summary>As stored: a date, or a phrase meaning no expiry.</summary>
    public string DateOfExpiry => Text(12);

    public string FatherName => Value(13, 0);

    public string MotherName => Value(13, 1);

    public string SpouseName => Value(14, 0);

    /// <exception cref="CardDataException">Not a DG13 (tag 6D), or malformed ASN.1 inside it.</exception>
    public static Dg13 Parse(ReadOnlyMemory<byte> data)
    {
        try
        {
            var outer = new AsnReader(data, AsnEncodingRules.BER);
            var dg = outer.ReadSequence(Dg13Tag);
            if (outer.HasData)
            {
                throw new CardDataException("bytes after the DG13 object", data.Length - outer.PeekEncodedValue().Length);
            }

            var body = dg.ReadSequence();
            var version = ReadSmallInteger(body, "version");
            var oid = body.ReadObjectIdentifier();
            var fields = new Dictionary<int, Dg13Field>();

            // The fields sit in a SET; tolerate them following the OID directly, as some issuers may write them.
            while (body.HasData)
            {
                var tag = body.PeekTag();
                if (tag.HasSameClassAndValue(Asn1Tag.SetOf))
                {
                    var set = body.ReadSetOf(skipSortOrderValidation: true);
                    while (set.HasData)
                    {
                        AddField(set, fields);
                    }
                }
                else
                {
                    AddField(body, fields);
                }
            }

            dg.ThrowIfNotEmpty();
            return new Dg13(version, oid, fields);
        }
        catch (AsnContentException e)
        {
            throw new CardDataException($"DG13 is not valid ASN.1: {e.Message}", e);
        }
        catch (DecoderFallbackException e)
        {
            throw new CardDataException("DG13 has text that is not valid in its string type", e);
        }
    }

    private static void AddField(AsnReader parent, Dictionary<int, Dg13Field> fields)
    {
        var raw = parent.PeekEncodedValue();
        var seq = parent.ReadSequence();
        var number = ReadSmallInteger(seq, "field number");
        var values = new List<string>();
        while (seq.HasData)
        {
            CollectText(seq, values, 0);
        }

        if (!fields.TryAdd(number, new Dg13Field(number, values, raw)))
        {
            throw new CardDataException($"DG13 field {number} appears twice");
        }
    }

    /// <summary>Reads one element; strings are kept, constructed ones searched in order (parents' names nest).</summary>
    private static void CollectText(AsnReader reader, List<string> values, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new CardDataException($"DG13 nesting deeper than {MaxDepth}");
        }

        var tag = reader.PeekTag();
        if (tag.TagClass == TagClass.Universal && !tag.IsConstructed && TextType(tag.TagValue) is { } type)
        {
            values.Add(CardText.Nfc(reader.ReadCharacterString(type, new Asn1Tag(type)), "DG13"));
            return;
        }

        if (tag.IsConstructed)
        {
            var encoded = reader.ReadEncodedValue();
            AsnDecoder.ReadEncodedValue(encoded.Span, AsnEncodingRules.BER, out var contentOffset, out var contentLength, out _);
            var content = new AsnReader(encoded.Slice(contentOffset, contentLength), AsnEncodingRules.BER);
            while (content.HasData)
            {
                CollectText(content, values, depth + 1);
            }

            return;
        }

        // Integers, OIDs and the like inside a field: not text, kept only in the raw bytes.
        reader.ReadEncodedValue();
    }

    private static UniversalTagNumber? TextType(int tagValue) => (UniversalTagNumber)tagValue switch
    {
        UniversalTagNumber.UTF8String => UniversalTagNumber.UTF8String,
        UniversalTagNumber.PrintableString => UniversalTagNumber.PrintableString,
        UniversalTagNumber.IA5String => UniversalTagNumber.IA5String,
        UniversalTagNumber.BMPString => UniversalTagNumber.BMPString,
        UniversalTagNumber.VisibleString => UniversalTagNumber.VisibleString,
        _ => null,
    };

    private static int ReadSmallInteger(AsnReader reader, string what)
    {
        BigInteger value = reader.ReadInteger();
        if (value < 0 || value > 1_000_000)
        {
            throw new CardDataException($"DG13 {what} {value} is out of range");
        }

        return (int)value;
    }

    private string Text(int number) => Fields.TryGetValue(number, out var f) ? f.Text : string.Empty;

    private string Value(int number, int index) =>
        Fields.TryGetValue(number, out var f) && f.Values.Count > index ? f.Values[index] : string.Empty;
}
