namespace TiepCongDan.Edge.Media.Upload;

/// <summary>The hub answered in a way that retrying the same request soon cannot fix by itself (401, 403, 404, 5xx); the loop backs off.</summary>
public sealed class HubRefusedException : Exception
{
    public HubRefusedException()
    {
    }

    public HubRefusedException(string message)
        : base(message)
    {
    }

    public HubRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HubRefusedException(int statusCode, string operatorMessage, string message)
        : base(message)
    {
        StatusCode = statusCode;
        OperatorMessage = operatorMessage;
    }

    public int StatusCode { get; }

    /// <summary>The Vietnamese sentence shown to the operator.</summary>
    public string OperatorMessage { get; } = string.Empty;
}
