namespace TiepCongDan.Srt;

/// <summary>A caller could not connect; <see cref="Reason"/> says why, <see cref="UserCode"/> carries the listener's own code.</summary>
public sealed class SrtConnectException : SrtException
{
    public SrtConnectException()
    {
    }

    public SrtConnectException(string message)
        : base(message)
    {
    }

    public SrtConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SrtConnectException(string message, SrtRejectReason reason, int? userCode)
        : base(message)
    {
        Reason = reason;
        UserCode = userCode;
    }

    public SrtRejectReason Reason { get; }

    /// <summary>The code the listener gave (1000-2999, e.g. 1403 forbidden) when <see cref="Reason"/> is <see cref="SrtRejectReason.PeerRejected"/>.</summary>
    public int? UserCode { get; }
}
