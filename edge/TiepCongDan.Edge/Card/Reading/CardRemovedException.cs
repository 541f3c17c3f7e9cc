namespace TiepCongDan.Edge.Card.Reading;

/// <summary>The card was pulled out (or lost power) during the read. Nothing partial is returned; reading again after reinsertion works.</summary>
public sealed class CardRemovedException : CardReadException
{
    public CardRemovedException()
        : base(CardReadFailure.CardRemoved, CardReadMessages.CardRemoved, "The card was removed during the read.")
    {
    }

    public CardRemovedException(string message)
        : base(CardReadFailure.CardRemoved, CardReadMessages.CardRemoved, message)
    {
    }

    public CardRemovedException(string message, Exception innerException)
        : base(CardReadFailure.CardRemoved, CardReadMessages.CardRemoved, message, innerException)
    {
    }
}
