namespace TiepCongDan.Hub.Media;

/// <summary>A PATCH body carried more bytes than its Upload-Length allows.</summary>
public sealed class SegmentBodyTooLongException : Exception
{
    public SegmentBodyTooLongException()
    {
    }

    public SegmentBodyTooLongException(string message)
        : base(message)
    {
    }

    public SegmentBodyTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
