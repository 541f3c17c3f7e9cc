namespace TiepCongDan.Hub.Media;

/// <summary>
/// Where segment bytes live: partial uploads and complete segments. The local file system today, an
/// object store later. Callers serialise writes to one segment (<see cref="SegmentLocks"/>); different
/// segments may be written concurrently. Checking hashes and recording confirmations is the caller's job.
/// </summary>
public interface ISegmentArchive
{
    /// <summary>Bytes of the partial upload held for this segment; 0 when there is none.</summary>
    long PartialLength(SegmentKey key);

    /// <summary>True when a partial upload exists (HEAD answers 404 otherwise).</summary>
    bool HasPartial(SegmentKey key);

    /// <summary>
    /// Appends <paramref name="body"/> to the partial, which must be exactly <paramref name="offset"/> long,
    /// reading at most <paramref name="maxBytes"/>. Bytes received before the body broke off stay in the
    /// partial so the upload resumes there. Returns the partial's new length.
    /// Throws <see cref="SegmentBodyTooLongException"/> (partial restored to <paramref name="offset"/>) when the body has more.
    /// </summary>
    Task<long> AppendAsync(SegmentKey key, long offset, Stream body, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Lower-case hex SHA-256 of the whole partial.</summary>
    Task<string> HashPartialAsync(SegmentKey key, CancellationToken cancellationToken);

    /// <summary>Makes the partial the segment, durably (fsync, then atomic rename).</summary>
    Task PromoteAsync(SegmentKey key, CancellationToken cancellationToken);

    /// <summary>Forgets the partial (hash mismatch): the next upload starts from 0.</summary>
    void DiscardPartial(SegmentKey key);

    /// <summary>True when the complete segment is stored.</summary>
    bool Exists(SegmentKey key);

    /// <summary>Reads a complete segment.</summary>
    Stream OpenRead(SegmentKey key);
}
