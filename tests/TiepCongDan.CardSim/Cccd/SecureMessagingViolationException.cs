namespace TiepCongDan.CardSim.Cccd;

/// <summary>A protected command the card cannot accept (missing or wrong MAC, malformed data objects): it answers 6988 and ends the session.</summary>
internal sealed class SecureMessagingViolationException : Exception
{
    public SecureMessagingViolationException()
    {
    }

    public SecureMessagingViolationException(string message)
        : base(message)
    {
    }

    public SecureMessagingViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
