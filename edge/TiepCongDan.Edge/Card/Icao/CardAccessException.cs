namespace TiepCongDan.Edge.Card.Icao;

/// <summary>
/// Access to the chip failed. <see cref="Reason"/> says which input or step to check;
/// <see cref="StatusWord"/> is the card's SW1 SW2 when the card gave one.
/// </summary>
public sealed class CardAccessException : Exception
{
    public CardAccessException()
    {
    }

    public CardAccessException(string message)
        : base(message)
    {
    }

    public CardAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CardAccessException(CardAccessFailure reason, string message, ushort? statusWord = null)
        : base(statusWord is { } sw ? $"{message} (SW {sw:X4})" : message)
    {
        Reason = reason;
        StatusWord = statusWord;
    }

    public CardAccessException(CardAccessFailure reason, string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public CardAccessFailure Reason { get; }

    public ushort? StatusWord { get; }
}
