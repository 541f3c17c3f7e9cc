namespace TiepCongDan.Edge.Card.Parsing;

/// <summary>An MRZ check digit does not match: usually a misread character, so staff should re-scan.</summary>
public sealed class MrzCheckDigitException : CardDataException
{
    public MrzCheckDigitException()
    {
    }

    public MrzCheckDigitException(string message)
        : base(message)
    {
    }

    public MrzCheckDigitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MrzCheckDigitException(MrzCheck check, char expected, char found, int offset)
        : base($"MRZ check digit for {check} is '{found}', expected '{expected}'", offset)
    {
        Check = check;
    }

    public MrzCheck Check { get; }
}
