namespace TiepCongDan.Edge.Service;

/// <summary>No simulation console answers on the port (tcd-edge not running, or running without the console).</summary>
public sealed class SimConsoleUnreachableException : Exception
{
    public SimConsoleUnreachableException()
    {
    }

    public SimConsoleUnreachableException(string message)
        : base(message)
    {
    }

    public SimConsoleUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
