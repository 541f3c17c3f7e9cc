namespace TiepCongDan.Hub.Ingest;

/// <summary>Why the ingest refused a caller: the SRT reject code the kiosk sees and the metric label.</summary>
public sealed record IngestRefusal(int Code, string Reason)
{
    public static IngestRefusal BadStreamId { get; } = new(1400, "bad-stream-id");

    public static IngestRefusal UnknownKiosk { get; } = new(1401, "unknown-kiosk");

    public static IngestRefusal Revoked { get; } = new(1403, "revoked");

    public static IngestRefusal OtherKiosksStream { get; } = new(1403, "other-kiosk");

    public static IngestRefusal TooManySessions { get; } = new(1503, "too-many-sessions");

    /// <summary>Not sent by us: libsrt refuses the caller itself when its passphrase does not match (SRT BadSecret).</summary>
    public static IngestRefusal HandshakeNotCompleted { get; } = new(0, "handshake-not-completed");
}
