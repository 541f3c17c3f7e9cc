namespace TiepCongDan.Hub.Media;

/// <summary>A media request the hub refuses: the HTTP status and a short sentence for the JSON error.</summary>
public sealed class MediaRequestException : Exception
{
    public MediaRequestException()
    {
    }

    public MediaRequestException(string message)
        : base(message)
    {
        StatusCode = StatusCodes.Status400BadRequest;
    }

    public MediaRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = StatusCodes.Status400BadRequest;
    }

    public MediaRequestException(int statusCode, string message)
        : base(message) => StatusCode = statusCode;

    public int StatusCode { get; } = StatusCodes.Status400BadRequest;
}
