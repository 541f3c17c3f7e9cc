namespace TiepCongDan.Hub.Media;

/// <summary>What a PATCH did (see SegmentUploadProtocol for the status each maps to).</summary>
public enum PatchResult
{
    /// <summary>204: bytes appended, segment not complete yet.</summary>
    Partial,

    /// <summary>201: complete, hash matched, confirmed.</summary>
    Completed,

    /// <summary>200: already confirmed with the same hash.</summary>
    AlreadyConfirmed,

    /// <summary>409 with the current offset.</summary>
    OffsetMismatch,

    /// <summary>409 without offset: another segment with this number is confirmed.</summary>
    ConflictingSegment,

    /// <summary>422: the hash did not match; the partial was discarded.</summary>
    HashMismatch,
}
