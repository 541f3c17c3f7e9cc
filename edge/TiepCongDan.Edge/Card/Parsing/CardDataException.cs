namespace TiepCongDan.Edge.Card.Parsing;

/// <summary>
/// Data read from the card (or its QR/MRZ) is malformed. Every parser in this folder throws only this
/// (or a subclass) for bad input, so callers can tell "the card data is wrong" from a bug.
/// </summary>
public class CardDataException : Exception
{
    public CardDataException()
    {
    }

    public CardDataException(string message)
        : base(message)
    {
    }

    public CardDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CardDataException(string message, int offset)
        : base(offset >= 0 ? $"{message} (at offset {offset})" : message)
    {
        Offset = offset;
    }

    public CardDataException(string message, int offset, Exception innerException)
        : base(offset >= 0 ? $"{message} (at offset {offset})" : message, innerException)
    {
        Offset = offset;
    }

    /// <summary>Byte or character offset of the fault in the input, or -1 when it has none.</summary>
    public int Offset { get; } = -1;
}
