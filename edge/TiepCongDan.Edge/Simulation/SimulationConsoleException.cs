namespace TiepCongDan.Edge.Simulation;

/// <summary>A request the console refuses: <see cref="StatusCode"/> 400 (bad input), 404 (no such route), 405 or 409 (the device is real here); the message goes back as {"error": ...}.</summary>
public sealed class SimulationConsoleException : Exception
{
    public SimulationConsoleException()
    {
        StatusCode = 400;
    }

    public SimulationConsoleException(string message)
        : this(400, message)
    {
    }

    public SimulationConsoleException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
    }

    public SimulationConsoleException(int statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    public int StatusCode { get; }
}
