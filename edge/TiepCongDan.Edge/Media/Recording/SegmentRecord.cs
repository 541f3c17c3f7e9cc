namespace TiepCongDan.Edge.Media.Recording;

/// <summary>
/// One closed segment in the kiosk's journal: a self-contained MPEG-TS file (marker, PAT, PMT,
/// keyframe first) encrypted at rest. Sha256 is lower-case hex of the plaintext, exactly the bytes
/// the hub receives live or by upload.
/// </summary>
public sealed record SegmentRecord(
    string SessionId,
    int Sequence,
    long StartPts,
    long DurationMs,
    long Bytes,
    string Sha256,
    bool Recovered);
