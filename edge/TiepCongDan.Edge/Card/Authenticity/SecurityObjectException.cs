namespace TiepCongDan.Edge.Card.Authenticity;

/// <summary>
/// EF.SOD or a CSCA certificate could not be decoded: the bytes are not a well-formed LDS security
/// object (truncated read, wrong file, damaged chip) or use an algorithm we do not support.
/// </summary>
public sealed class SecurityObjectException : Exception
{
    public SecurityObjectException()
    {
    }

    public SecurityObjectException(string message)
        : base(message)
    {
    }

    public SecurityObjectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
