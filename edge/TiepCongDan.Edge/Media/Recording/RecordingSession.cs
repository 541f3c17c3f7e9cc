using TiepCongDan.Edge.Media.Ts;

namespace TiepCongDan.Edge.Media.Recording;

/// <summary>
/// One reception session being recorded: the encoder's MPEG-TS goes in through <see cref="Write"/>
/// (one encoder run after another; call <see cref="ForceCut"/> between them), comes out as
/// encrypted, journaled segments and, byte for byte, through <see cref="LiveOutput"/>.
/// A disk failure (full, I/O error) never throws out of <see cref="Write"/>: the session stops
/// writing segments, says why in <see cref="FailureReason"/> and raises <see cref="Failed"/>, while
/// the live output keeps flowing. Write, ForceCut and Complete are serialized; statistics and
/// events may be used from any thread (events are raised on the writing thread).
/// </summary>
public sealed class RecordingSession : ISegmentSink
{
    private const long SpaceCheckBytes = 1024 * 1024;

    private readonly MediaRecorder _recorder;
    private readonly TsSegmenter _segmenter;
    private readonly TimeProvider _time;
    private readonly long _startedTimestamp;
    private readonly Lock _gate = new();
    private readonly ITimer _flushTimer;
    private EncryptedSegmentWriter? _writer;
    private int _writerSequence;
    private long _bytesSinceSpaceCheck;
    private volatile string? _failureReason;
    private bool _completed;

    internal RecordingSession(MediaRecorder recorder, string sessionId, string kioskId, TimeSpan target, TimeSpan max, TimeProvider time)
    {
        _recorder = recorder;
        SessionId = sessionId;
        KioskId = kioskId;
        _time = time;
        _startedTimestamp = time.GetTimestamp();
        _segmenter = new TsSegmenter(sessionId, this, target, max);
        _flushTimer = time.CreateTimer(_ => FlushDue(), null, EncryptedSegmentWriter.ChunkInterval, EncryptedSegmentWriter.ChunkInterval);
    }

    /// <summary>A segment is closed, journaled and fsynced (the uploader wakes on it).</summary>
    public event Action<SegmentRecord>? SegmentClosed;

    /// <summary>The session stopped writing to disk; the argument says why.</summary>
    public event Action<string>? Failed;

    public string SessionId { get; }

    public string KioskId { get; }

    /// <summary>Receives every output byte (segment markers included). Set before the first write; must not throw.</summary>
    public Action<ReadOnlySpan<byte>>? LiveOutput
    {
        get => _segmenter.LiveOutput;
        set => _segmenter.LiveOutput = value;
    }

    public long VideoFrames => _segmenter.VideoFrames;

    /// <summary>Segments closed so far (including any not stored after a disk failure).</summary>
    public long Segments => _segmenter.Segments;

    /// <summary>Encoder bytes received.</summary>
    public long Bytes => _segmenter.BytesIn;

    public long AvDriftMs => _segmenter.AvDriftMs;

    /// <summary>PTS (90 kHz) of the latest video frame, -1 before the first.</summary>
    public long LastVideoPts => _segmenter.LastVideoPts;

    /// <summary>PTS (90 kHz) of the latest audio PES, -1 before the first.</summary>
    public long LastAudioPts => _segmenter.LastAudioPts;

    /// <summary>Packets dropped before the first PAT, PMT and keyframe.</summary>
    public long DroppedPackets => _segmenter.DroppedPackets;

    /// <summary>Average encoder bytes per second since the session began.</summary>
    public long BytesPerSecond
    {
        get
        {
            var elapsed = _time.GetElapsedTime(_startedTimestamp).TotalSeconds;
            return elapsed <= 0 ? 0 : (long)(Bytes / elapsed);
        }
    }

    public bool HasFailed => _failureReason is not null;

    /// <summary>True once <see cref="Complete"/> has run.</summary>
    public bool IsCompleted => Volatile.Read(ref _completed);

    /// <summary>Why the session stopped writing to disk, or null.</summary>
    public string? FailureReason => _failureReason;

    /// <summary>Bytes from the encoder's stdout, in any chunk size.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            ThrowIfCompleted();
            _segmenter.Write(data);
        }
    }

    /// <summary>The encoder restarts: the next stream's first keyframe starts a new segment. May be called before or after the new encoder's first bytes arrive.</summary>
    public void ForceCut()
    {
        lock (_gate)
        {
            ThrowIfCompleted();
            _segmenter.ForceCut();
        }
    }

    /// <summary>Closes the last segment and records the session's end, so the uploader declares it.</summary>
    public void Complete(long endedAtMs)
    {
        lock (_gate)
        {
            ThrowIfCompleted();
            Volatile.Write(ref _completed, true);
            _flushTimer.Dispose();
            _segmenter.Complete();
            try
            {
                _recorder.EndSession(SessionId, endedAtMs, _segmenter.SegmentsBegun);
            }
            catch (Exception e)
            {
                // The next Open gives the session its end from the journal; do not lose the reason.
                _failureReason ??= e.Message;
                MediaRecorderLog.SessionFailed(_recorder.Logger, e, SessionId, e.Message);
            }

            MediaRecorderLog.SessionCompleted(_recorder.Logger, SessionId, _segmenter.Segments, _segmenter.VideoFrames, _segmenter.DroppedPackets);
        }
    }

    void ISegmentSink.BeginSegment(int sequence, long startPts)
    {
        if (HasFailed)
        {
            return;
        }

        try
        {
            _recorder.ThrowIfNoRoom();
            _writer = _recorder.BeginSegment(SessionId, sequence, startPts);
            _writerSequence = sequence;
            _bytesSinceSpaceCheck = 0;
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    void ISegmentSink.Append(ReadOnlySpan<byte> packets)
    {
        if (_writer is null)
        {
            return;
        }

        try
        {
            _writer.Write(packets);
            _bytesSinceSpaceCheck += packets.Length;
            if (_bytesSinceSpaceCheck >= SpaceCheckBytes)
            {
                _bytesSinceSpaceCheck = 0;
                _recorder.ThrowIfNoRoom();
            }
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    void ISegmentSink.EndSegment(SegmentSummary summary)
    {
        if (_writer is null)
        {
            return;
        }

        SegmentRecord record;
        try
        {
            _writer.Close();
            _writer = null;
            record = _recorder.CloseSegment(SessionId, summary);
        }
        catch (Exception e)
        {
            Fail(e);
            return;
        }

        SegmentClosed?.Invoke(record);
    }

    private void FlushDue()
    {
        lock (_gate)
        {
            if (_writer is null)
            {
                return;
            }

            try
            {
                _writer.FlushIfDue();
            }
            catch (Exception e)
            {
                Fail(e);
            }
        }
    }

    private void Fail(Exception exception)
    {
        var reason = exception is IOException or UnauthorizedAccessException
            ? $"Không ghi được bản ghi hình vào bộ nhớ của ki-ốt ({exception.Message})"
            : exception.Message;
        _failureReason = reason;
        MediaRecorderLog.SessionFailed(_recorder.Logger, exception, SessionId, reason);
        FinalizeAfterFailure();
        Failed?.Invoke(reason);
    }

    /// <summary>Best effort: make the interrupted segment a valid closed one now (in place, little space needed); Open retries otherwise.</summary>
    private void FinalizeAfterFailure()
    {
        var writer = _writer;
        _writer = null;
        if (writer is null)
        {
            return;
        }

        writer.Dispose();
        try
        {
            _recorder.RecoverSegment(SessionId, _writerSequence);
        }
        catch (Exception e)
        {
            MediaRecorderLog.FinalizeAfterFailureFailed(_recorder.Logger, e, SessionId, _writerSequence);
        }
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException($"Recording session {SessionId} is already complete.");
        }
    }
}
