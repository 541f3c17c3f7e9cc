namespace TiepCongDan.Pcsc;

/// <summary>
/// A PC/SC call failed. <see cref="ErrorCode"/> is pcsc-lite's return code (0x801000xx),
/// <see cref="ErrorName"/> its SCARD_* name, <see cref="Kind"/> what it means for the caller.
/// </summary>
public class PcscException : Exception
{
    public PcscException()
        : this("A PC/SC operation failed.")
    {
    }

    public PcscException(string message)
        : base(message)
    {
        ErrorName = "";
    }

    public PcscException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorName = "";
    }

    public PcscException(string operation, long errorCode)
        : this(operation, errorCode, PcscErrors.KindOf(errorCode))
    {
    }

    public PcscException(string operation, long errorCode, PcscErrorKind kind)
        : base($"{operation} failed: {PcscErrors.Describe(errorCode)} ({PcscErrors.NameOf(errorCode)}, 0x{errorCode:X8}).")
    {
        ErrorCode = errorCode;
        ErrorName = PcscErrors.NameOf(errorCode);
        Kind = kind;
    }

    /// <summary>For failures this library detects itself (a timeout it enforced, a disposed handle).</summary>
    public PcscException(PcscErrorKind kind, string errorName, string message)
        : base(message)
    {
        ErrorName = errorName;
        Kind = kind;
    }

    public long ErrorCode { get; }

    public string ErrorName { get; }

    public PcscErrorKind Kind { get; }

    internal static void ThrowIfFailed(nint returnCode, string operation)
    {
        var code = PcscErrors.Normalize(returnCode);
        if (code != PcscErrors.Success)
        {
            throw new PcscException(operation, code);
        }
    }
}
