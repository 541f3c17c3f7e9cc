using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Edge.Media.Recording;

/// <summary>
/// The kiosk's own encrypted copy of every session: segment files under
/// {Directory}/{sessionId}/{seq:D6}.tse and their journal in {Directory}/media.db. Opening it
/// recovers what a crash left behind. Unconfirmed segments are never deleted to make room; they
/// leave only through <see cref="MarkConfirmed"/>. Thread-safe.
/// </summary>
public sealed class MediaRecorder : ISegmentCatalog, IDisposable
{
    internal const string OrphansDirectory = "orphans";
    internal const string SegmentExtension = ".tse";

    private readonly MediaRecorderSettings _settings;
    private readonly MediaKey _key;
    private readonly MediaJournal _journal;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private bool _disposed;

    private MediaRecorder(MediaRecorderSettings settings, MediaKey key, MediaJournal journal, TimeProvider time, ILogger logger)
    {
        _settings = settings;
        _key = key;
        _journal = journal;
        _time = time;
        Logger = logger;
    }

    public string Directory => _settings.Directory;

    internal ILogger Logger { get; }

    internal MediaKey Key => _key;

    public static MediaRecorder Open(MediaRecorderSettings settings, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var root = Path.GetFullPath(settings.Directory);
        PrivateFiles.CreateDirectory(root);
        var key = MediaKey.LoadOrCreate(settings.KeyPath);
        if (settings.EffectiveTarget != settings.TargetSegmentDuration)
        {
            MediaRecorderLog.DurationClamped(logger, nameof(settings.TargetSegmentDuration), settings.TargetSegmentDuration, settings.EffectiveTarget);
        }

        if (settings.EffectiveMax != settings.MaxSegmentDuration)
        {
            MediaRecorderLog.DurationClamped(logger, nameof(settings.MaxSegmentDuration), settings.MaxSegmentDuration, settings.EffectiveMax);
        }

        var journal = new MediaJournal(Path.Combine(root, "media.db"));
        var resolved = new MediaRecorderSettings
        {
            Directory = root,
            KeyPath = settings.KeyPath,
            TargetSegmentDuration = settings.EffectiveTarget,
            MaxSegmentDuration = settings.EffectiveMax,
            LowDiskBytes = settings.LowDiskBytes,
            ReserveBytes = settings.ReserveBytes,
        };
        var recorder = new MediaRecorder(resolved, key, journal, time, logger);
        try
        {
            lock (recorder._gate)
            {
                new MediaStoreRecovery(journal, root, key, logger).Run();
            }

            var pending = recorder.PendingSessions();
            MediaRecorderLog.Opened(logger, root, pending.Count, pending.Sum(s => recorder.PendingSegments(s.SessionId).Count));
            return recorder;
        }
        catch
        {
            recorder.Dispose();
            throw;
        }
    }

    /// <summary>Starts recording a session; the same object continues across encoder restarts (<see cref="RecordingSession.ForceCut"/>).</summary>
    public RecordingSession BeginSession(string sessionId, string kioskId, long startedAtMs)
    {
        if (!MediaSessionId.IsValid(sessionId))
        {
            throw new ArgumentException($"'{sessionId}' is not a valid media session id.", nameof(sessionId));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(kioskId);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_journal.FindSession(sessionId) is not null)
            {
                throw new InvalidOperationException($"Session {sessionId} is already in the media journal.");
            }

            _journal.InsertSession(new SessionRow { SessionId = sessionId, KioskId = kioskId, StartedAtMs = startedAtMs });
        }

        MediaRecorderLog.SessionStarted(Logger, sessionId);
        return new RecordingSession(this, sessionId, kioskId, _settings.TargetSegmentDuration, _settings.MaxSegmentDuration, _time);
    }

    /// <summary>Free space and unconfirmed bytes; the level follows LowDiskBytes and ReserveBytes.</summary>
    /// <summary>Closed segments the hub has not confirmed, all sessions together (one query: the node reads it every sample).</summary>
    public int PendingSegmentCount()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _journal.ClosedCount();
        }
    }

    public StorageStatus Storage()
    {
        long pending;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            pending = _journal.ClosedBytes();
            foreach (var open in _journal.SegmentsInState(SegmentState.Open))
            {
                var file = new FileInfo(SegmentPath(open.SessionId, open.Sequence));
                pending += file.Exists ? file.Length : 0;
            }
        }

        var free = FreeBytes();
        var level = free < _settings.ReserveBytes ? StorageLevel.Full : free < _settings.LowDiskBytes ? StorageLevel.Low : StorageLevel.Ok;
        return new StorageStatus(free, pending, level);
    }

    public IReadOnlyList<SessionRecord> PendingSessions()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _journal.Sessions().Select(s => s.ToRecord()).ToList();
        }
    }

    public IReadOnlyList<SegmentRecord> PendingSegments(string sessionId)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _journal.Segments(sessionId).Where(s => s.State == SegmentState.Closed).Select(s => s.ToRecord()).ToList();
        }
    }

    public Stream OpenPlaintext(SegmentRecord segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var plaintext = EncryptedSegmentReader.ReadAll(SegmentPath(segment.SessionId, segment.Sequence), _key, segment.SessionId, segment.Sequence);
        var sha = Convert.ToHexStringLower(SHA256.HashData(plaintext));
        return string.Equals(sha, segment.Sha256, StringComparison.Ordinal)
            ? new MemoryStream(plaintext, writable: false)
            : throw new InvalidDataException($"Segment {segment.Sequence} of session {segment.SessionId} does not match its journaled SHA-256.");
    }

    /// <summary>Deletes the file, then the row. Confirming a segment that is already gone does nothing (the uploader may confirm twice).</summary>
    public void MarkConfirmed(string sessionId, int sequence)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var row = _journal.FindSegment(sessionId, sequence);
            if (row is null)
            {
                return;
            }

            if (row.State == SegmentState.Open)
            {
                throw new InvalidOperationException($"Segment {sequence} of session {sessionId} is still being written; it cannot be confirmed.");
            }

            // Confirmed first: a crash between the two steps leaves a row whose missing file is expected.
            row.State = SegmentState.Confirmed;
            _journal.UpdateSegment(row);
            File.Delete(SegmentPath(sessionId, sequence));
            _journal.DeleteSegment(row.Id);
            MediaRecorderLog.SegmentConfirmed(Logger, sessionId, sequence);
            RemoveSessionIfArchived(sessionId);
        }
    }

    public void MarkEndDeclared(string sessionId)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var session = _journal.FindSession(sessionId) ?? throw new InvalidOperationException($"Session {sessionId} is not in the media journal.");
            if (session.EndedAtMs is null)
            {
                throw new InvalidOperationException($"Session {sessionId} is still recording; its end cannot have been declared.");
            }

            session.EndDeclared = true;
            _journal.UpdateSession(session);
            RemoveSessionIfArchived(sessionId);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _journal.Dispose();
        }
    }

    internal string SegmentPath(string sessionId, int sequence) =>
        Path.Combine(_settings.Directory, sessionId, sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + SegmentExtension);

    internal void ThrowIfNoRoom()
    {
        var free = FreeBytes();
        if (free < _settings.ReserveBytes)
        {
            throw new IOException($"only {free} bytes free, below the reserve of {_settings.ReserveBytes} bytes");
        }
    }

    internal EncryptedSegmentWriter BeginSegment(string sessionId, int sequence, long startPts)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var path = SegmentPath(sessionId, sequence);
            PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
            // Journal first: a file on disk is always either journaled or an orphan to keep.
            _journal.InsertSegment(new SegmentRow
            {
                SessionId = sessionId,
                Sequence = sequence,
                State = SegmentState.Open,
                StartPts = startPts,
                OpenedAtMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
            });
            return EncryptedSegmentWriter.Create(path, _key, sessionId, sequence, _time);
        }
    }

    internal SegmentRecord CloseSegment(string sessionId, SegmentSummary summary)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var row = _journal.FindSegment(sessionId, summary.Sequence)
                ?? throw new InvalidOperationException($"Segment {summary.Sequence} of session {sessionId} vanished from the journal.");
            row.State = SegmentState.Closed;
            row.Sha256 = summary.Sha256;
            row.Bytes = summary.Bytes;
            row.DurationMs = summary.DurationMs;
            _journal.UpdateSegment(row);
            MediaRecorderLog.SegmentClosed(Logger, sessionId, summary.Sequence, summary.Bytes, summary.DurationMs);
            return row.ToRecord();
        }
    }

    /// <summary>Finalizes an interrupted segment (see <see cref="MediaStoreRecovery"/>).</summary>
    internal void RecoverSegment(string sessionId, int sequence)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var row = _journal.FindSegment(sessionId, sequence);
            if (row is { State: SegmentState.Open })
            {
                new MediaStoreRecovery(_journal, _settings.Directory, _key, Logger).RecoverOpenSegment(row);
            }
        }
    }

    internal void EndSession(string sessionId, long endedAtMs, int segmentCount)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var session = _journal.FindSession(sessionId) ?? throw new InvalidOperationException($"Session {sessionId} is not in the media journal.");
            session.EndedAtMs = endedAtMs;
            session.SegmentCount = segmentCount;
            _journal.UpdateSession(session);
        }
    }

    private long FreeBytes() => new DriveInfo(_settings.Directory).AvailableFreeSpace;

    private void RemoveSessionIfArchived(string sessionId)
    {
        var session = _journal.FindSession(sessionId);
        if (session is not { EndDeclared: true } || _journal.Segments(sessionId).Any(s => s.State is SegmentState.Open or SegmentState.Closed))
        {
            return;
        }

        _journal.DeleteSession(sessionId);
        var directory = Path.Combine(_settings.Directory, sessionId);
        if (System.IO.Directory.Exists(directory) && !System.IO.Directory.EnumerateFileSystemEntries(directory).Any())
        {
            System.IO.Directory.Delete(directory);
        }

        MediaRecorderLog.SessionArchived(Logger, sessionId);
    }
}
