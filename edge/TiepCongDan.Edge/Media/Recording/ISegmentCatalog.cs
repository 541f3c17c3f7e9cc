namespace TiepCongDan.Edge.Media.Recording;

/// <summary>
/// What the uploader needs from the local store: the closed segments the hub has not confirmed,
/// their plaintext, and the confirmation that lets the store delete them. Thread-safe: the
/// uploader calls it from its own loop while the recorder writes new segments.
/// </summary>
public interface ISegmentCatalog
{
    /// <summary>Sessions with at least one unconfirmed segment or an undeclared end, oldest first.</summary>
    IReadOnlyList<SessionRecord> PendingSessions();

    /// <summary>Closed, unconfirmed segments of one session in sequence order (the open one is not listed).</summary>
    IReadOnlyList<SegmentRecord> PendingSegments(string sessionId);

    /// <summary>A read-only stream of the decrypted segment. Throws <see cref="InvalidDataException"/> if the file fails authentication.</summary>
    Stream OpenPlaintext(SegmentRecord segment);

    /// <summary>The hub holds this segment with this hash: forget it and delete the file.</summary>
    void MarkConfirmed(string sessionId, int sequence);

    /// <summary>The hub has recorded the session's end declaration; when every segment is confirmed the session leaves the catalog.</summary>
    void MarkEndDeclared(string sessionId);
}
