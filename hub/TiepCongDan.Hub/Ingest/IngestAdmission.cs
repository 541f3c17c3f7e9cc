using System.Diagnostics.CodeAnalysis;

namespace TiepCongDan.Hub.Ingest;

/// <summary>The ingest's verdict on one stream id: the kiosk and session it may publish, or why not.</summary>
internal sealed record IngestAdmission
{
    private IngestAdmission(string? kioskId, string? sessionId, string? passphrase, IngestRefusal? refusal)
    {
        KioskId = kioskId;
        SessionId = sessionId;
        Passphrase = passphrase;
        Refusal = refusal;
    }

    [MemberNotNullWhen(true, nameof(KioskId), nameof(SessionId), nameof(Passphrase))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Accepted => Refusal is null;

    /// <summary>The claimed kiosk when it could be read (also on refusal, for the log), else null.</summary>
    public string? KioskId { get; }

    public string? SessionId { get; }

    /// <summary>The kiosk's own SRT passphrase; never logged.</summary>
    public string? Passphrase { get; }

    public IngestRefusal? Refusal { get; }

    public static IngestAdmission Accept(string kioskId, string sessionId, string passphrase) => new(kioskId, sessionId, passphrase, null);

    public static IngestAdmission Refuse(IngestRefusal refusal, string? kioskId = null, string? sessionId = null) => new(kioskId, sessionId, null, refusal);

    public override string ToString() => Accepted ? $"accept {KioskId}/{SessionId}" : $"refuse {Refusal.Code} {Refusal.Reason}";
}
