using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Hub.Media;

/// <summary>
/// The hub's half of <see cref="SegmentUploadProtocol"/>: sessions, resumable idempotent segment
/// uploads and confirmations from the live ingest. Thread-safe; writes to one segment are serialised.
/// Callers check who owns a session (<see cref="Access"/>) before touching it.
/// </summary>
public sealed class SegmentUploadService
{
    private readonly ISegmentArchive _archive;
    private readonly MediaArchiveStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SegmentLocks _locks = new();

    public SegmentUploadService(ISegmentArchive archive, MediaArchiveStore store, TimeProvider time, ILogger<SegmentUploadService> logger)
    {
        _archive = archive;
        _store = store;
        _time = time;
        _logger = logger;
    }

    public SessionAccess Access(string kioskId, string sessionId) => _store.FindSession(sessionId) switch
    {
        null => SessionAccess.NotDeclared,
        { } row when row.KioskId == kioskId => SessionAccess.Owned,
        _ => SessionAccess.OtherKiosk,
    };

    /// <summary>Records a (re)declaration; idempotent. Returns OtherKiosk when the id belongs to another kiosk.</summary>
    public (SessionAccess Access, bool Created) Declare(string kioskId, string sessionId, SessionDeclaration declaration)
    {
        var (stored, created) = _store.DeclareSession(new MediaSessionRow
        {
            Id = sessionId,
            KioskId = kioskId,
            StartedAtMs = declaration.StartedAtMs,
            EndedAtMs = declaration.EndedAtMs,
            SegmentCount = declaration.SegmentCount,
            DeclaredAtMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        if (stored.KioskId != kioskId)
        {
            MediaLog.ForeignSession(_logger, kioskId, sessionId);
            return (SessionAccess.OtherKiosk, false);
        }

        MediaLog.SessionDeclared(_logger, sessionId, kioskId, stored.EndedAtMs is not null, stored.SegmentCount);
        return (SessionAccess.Owned, created);
    }

    /// <summary>The segments held complete and verified, in sequence order.</summary>
    public IReadOnlyList<ArchivedSegment> Confirmed(string sessionId) =>
        _store.Segments(sessionId).Select(s => new ArchivedSegment(s.Sequence, s.Sha256, s.Bytes)).ToList();

    /// <summary>Bytes held for the segment: its length once confirmed, the partial's length, or null when nothing is held.</summary>
    public long? Offset(SegmentKey key)
    {
        if (_store.FindSegment(key) is { } confirmed)
        {
            return confirmed.Bytes;
        }

        return _archive.HasPartial(key) ? _archive.PartialLength(key) : null;
    }

    /// <summary>
    /// Appends one PATCH body. Throws <see cref="SegmentBodyTooLongException"/> when the body exceeds the
    /// Upload-Length, and the body's own exception when the connection breaks (the bytes received are kept).
    /// </summary>
    public async Task<PatchOutcome> PatchAsync(SegmentKey key, SegmentUpload upload, Stream body, CancellationToken cancellationToken)
    {
        using var held = await _locks.AcquireAsync(key, cancellationToken);
        if (_store.FindSegment(key) is { } confirmed)
        {
            return confirmed.Sha256 == upload.Sha256
                ? new PatchOutcome(PatchResult.AlreadyConfirmed, confirmed.Bytes)
                : new PatchOutcome(PatchResult.ConflictingSegment, confirmed.Bytes);
        }

        var current = _archive.PartialLength(key);
        if (upload.Offset != current)
        {
            return new PatchOutcome(PatchResult.OffsetMismatch, current);
        }

        long length;
        try
        {
            length = await _archive.AppendAsync(key, upload.Offset, body, upload.Length - upload.Offset, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            MediaLog.UploadBrokeOff(_logger, key.ToString(), _archive.PartialLength(key));
            throw;
        }

        if (length < upload.Length)
        {
            return new PatchOutcome(PatchResult.Partial, length);
        }

        if (await _archive.HashPartialAsync(key, cancellationToken) != upload.Sha256)
        {
            _archive.DiscardPartial(key);
            MediaLog.HashMismatch(_logger, key.ToString());
            return new PatchOutcome(PatchResult.HashMismatch, 0);
        }

        await CommitAsync(key, upload.Sha256, length, upload.StartPts, upload.DurationMs, SegmentSources.Upload, cancellationToken);
        return new PatchOutcome(PatchResult.Completed, length);
    }

    /// <summary>
    /// The live ingest received this segment whole: store it and count it as confirmed, so the kiosk
    /// (told by GET) deletes its copy instead of uploading it. A session not yet declared is created for
    /// <paramref name="kioskId"/> (the kiosk's PUT later fills in its times). Throws
    /// <see cref="InvalidDataException"/> when <paramref name="content"/> does not hash to <paramref name="sha256"/>,
    /// <see cref="InvalidOperationException"/> when the session belongs to another kiosk or a different
    /// segment with this number is already confirmed.
    /// </summary>
    public async Task<LiveConfirmation> ConfirmLiveSegmentAsync(string kioskId, string sessionId, int sequence, Stream content, string sha256,
        long startPts, long durationMs, CancellationToken cancellationToken)
    {
        if (!MediaSessionId.IsValid(sessionId) || sequence < 0 || !SegmentUploadHeaders.IsSha256(sha256))
        {
            throw new ArgumentException($"Live segment {sessionId}/{sequence}: invalid session id, sequence or SHA-256.");
        }

        sha256 = sha256.ToLowerInvariant();
        var (stored, _) = _store.DeclareSession(new MediaSessionRow
        {
            Id = sessionId,
            KioskId = kioskId,
            StartedAtMs = _store.FindSession(sessionId)?.StartedAtMs ?? _time.GetUtcNow().ToUnixTimeMilliseconds(),
            DeclaredAtMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        if (stored.KioskId != kioskId)
        {
            throw new InvalidOperationException($"Session {sessionId} belongs to kiosk {stored.KioskId}, not {kioskId}.");
        }

        var key = new SegmentKey(kioskId, sessionId, sequence);
        using var held = await _locks.AcquireAsync(key, cancellationToken);
        if (_store.FindSegment(key) is { } confirmed)
        {
            return confirmed.Sha256 == sha256
                ? LiveConfirmation.AlreadyConfirmed
                : throw new InvalidOperationException($"Segment {key} is already confirmed with a different SHA-256.");
        }

        // The live copy is complete; a kiosk's half-uploaded partial of it is no longer needed.
        _archive.DiscardPartial(key);
        var length = await _archive.AppendAsync(key, 0, content, SegmentUploadProtocol.MaxSegmentBytes, cancellationToken);
        if (await _archive.HashPartialAsync(key, cancellationToken) != sha256)
        {
            _archive.DiscardPartial(key);
            throw new InvalidDataException($"Live segment {key} does not match its SHA-256; not confirmed.");
        }

        await CommitAsync(key, sha256, length, startPts, durationMs, SegmentSources.Live, cancellationToken);
        return LiveConfirmation.Confirmed;
    }

    private async Task CommitAsync(SegmentKey key, string sha256, long bytes, long startPts, long durationMs, string source, CancellationToken cancellationToken)
    {
        await _archive.PromoteAsync(key, cancellationToken);
        _store.AddSegment(new MediaSegmentRow
        {
            Id = key.RowId,
            SessionId = key.SessionId,
            Sequence = key.Sequence,
            Sha256 = sha256,
            Bytes = bytes,
            StartPts = startPts,
            DurationMs = durationMs,
            Source = source,
            ConfirmedAtMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        MediaLog.SegmentConfirmed(_logger, key.ToString(), bytes, source);
    }
}
