namespace TiepCongDan.Edge.Card.Parsing;

/// <summary>
/// One DG13 field: its number, the text values found in it (in order, NFC), and its raw DER bytes,
/// kept for fields whose meaning is not known.
/// </summary>
public sealed record Dg13Field(int Number, IReadOnlyList<string> Values, ReadOnlyMemory<byte> Raw)
{
    /// <summary>The first text value, or empty.</summary>
    public string Text => Values.Count > 0 ? Values[0] : string.Empty;
}
