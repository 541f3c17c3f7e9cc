namespace TiepCongDan.Srt;

/// <summary>A libsrt call failed on an established or listening socket.</summary>
public class SrtException : Exception
{
    public SrtException()
    {
    }

    public SrtException(string message)
        : base(message)
    {
    }

    public SrtException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SrtException(string message, int errorCode)
        : base(message) => ErrorCode = errorCode;

    /// <summary>SRT_ERRNO (e.g. 2001 connection lost), 0 when not from libsrt.</summary>
    public int ErrorCode { get; }
}
