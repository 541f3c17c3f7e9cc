namespace TiepCongDan.Edge.Card.Parsing;

/// <summary>One BER-TLV object. <see cref="Tag"/> is the tag's bytes read big-endian (e.g. 0x5F1F), as ICAO 9303 writes them.</summary>
public sealed class TlvNode
{
    internal TlvNode(int tag, bool isConstructed, int offset, ReadOnlyMemory<byte> value, IReadOnlyList<TlvNode> children)
    {
        Tag = tag;
        IsConstructed = isConstructed;
        Offset = offset;
        Value = value;
        Children = children;
    }

    public int Tag { get; }

    public bool IsConstructed { get; }

    /// <summary>Offset of the tag's first byte in the parsed input.</summary>
    public int Offset { get; }

    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>Child objects of a constructed object; empty for primitive ones.</summary>
    public IReadOnlyList<TlvNode> Children { get; }

    /// <summary>The first direct child with the tag, or an exception naming the missing tag.</summary>
    public TlvNode Child(int tag) =>
        Children.FirstOrDefault(c => c.Tag == tag)
        ?? throw new CardDataException($"TLV object {Tag:X2} has no child with tag {tag:X2}", Offset);
}
