namespace TiepCongDan.Edge.Card.Reading;

/// <summary>
/// Reading the card failed. <see cref="Exception.Message"/> is English for logs (never holding the
/// ID or a name); <see cref="StaffMessage"/> is the Vietnamese sentence for the staff, saying what to do.
/// </summary>
public class CardReadException : Exception
{
    public CardReadException()
    {
        StaffMessage = CardReadMessages.Generic;
    }

    public CardReadException(string message)
        : base(message)
    {
        StaffMessage = CardReadMessages.Generic;
    }

    public CardReadException(string message, Exception innerException)
        : base(message, innerException)
    {
        StaffMessage = CardReadMessages.Generic;
    }

    public CardReadException(CardReadFailure failure, string staffMessage, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        StaffMessage = staffMessage;
    }

    public CardReadFailure Failure { get; }

    public string StaffMessage { get; }
}
