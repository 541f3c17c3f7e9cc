namespace TiepCongDan.Edge.Screen;

/// <summary>The display could not be switched on or off (program missing, no display session, refused).</summary>
public sealed class DisplayPowerException : Exception
{
    public DisplayPowerException()
    {
    }

    public DisplayPowerException(string message)
        : base(message)
    {
    }

    public DisplayPowerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
