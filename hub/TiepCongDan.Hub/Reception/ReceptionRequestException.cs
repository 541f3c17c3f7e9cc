namespace TiepCongDan.Hub.Reception;

/// <summary>A reception request the hub refuses: the HTTP status and a sentence for the JSON error (never personal data).</summary>
public sealed class ReceptionRequestException : Exception
{
    public ReceptionRequestException()
    {
    }

    public ReceptionRequestException(string message)
        : base(message)
    {
    }

    public ReceptionRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReceptionRequestException(int statusCode, string message)
        : base(message) => StatusCode = statusCode;

    public int StatusCode { get; } = StatusCodes.Status400BadRequest;
}
