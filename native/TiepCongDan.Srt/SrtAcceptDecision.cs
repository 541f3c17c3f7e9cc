namespace TiepCongDan.Srt;

/// <summary>A listener's answer to one handshake.</summary>
public sealed record SrtAcceptDecision
{
    private SrtAcceptDecision(bool accepted, string? passphrase, int rejectCode)
    {
        Accepted = accepted;
        Passphrase = passphrase;
        RejectCode = rejectCode;
    }

    public bool Accepted { get; }

    /// <summary>The passphrase this caller must use; null accepts only unencrypted callers.</summary>
    public string? Passphrase { get; }

    /// <summary>Code the caller sees in <see cref="SrtConnectException.UserCode"/> (1000-2999).</summary>
    public int RejectCode { get; }

    public static SrtAcceptDecision Accept(string? passphrase)
    {
        if (passphrase is not null && passphrase.Length is < 10 or > 79)
        {
            throw new ArgumentException("SRT: the passphrase must be 10-79 characters.", nameof(passphrase));
        }

        return new(true, passphrase, 0);
    }

    /// <summary>1000-1999 follow HTTP (1401 unauthorized, 1403 forbidden, 1404 not found); 2000-2999 are free.</summary>
    public static SrtAcceptDecision Reject(int code) =>
        code is >= 1000 and <= 2999
            ? new(false, null, code)
            : throw new ArgumentOutOfRangeException(nameof(code), code, "SRT reject codes for applications are 1000-2999.");

    public override string ToString() => Accepted ? "accept" : $"reject {RejectCode}";
}
