namespace TiepCongDan.Edge.Controls;

/// <summary>A board pin map file that cannot be used; the message names the file and the mistake.</summary>
public sealed class PinMapException : Exception
{
    public PinMapException()
    {
    }

    public PinMapException(string message)
        : base(message)
    {
    }

    public PinMapException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
