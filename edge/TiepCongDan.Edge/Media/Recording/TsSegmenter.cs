using System.Buffers;
using System.Security.Cryptography;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Edge.Media.Ts;

namespace TiepCongDan.Edge.Media.Recording;

/// <summary>
/// Turns the encoder's MPEG-TS (one or several encoder runs back to back) into one continuous
/// stream cut into self-contained segments: each starts with a <see cref="SegmentMarker"/>, the
/// latest PAT and PMT and a video keyframe. Continuity counters are rewritten per PID so the
/// output never shows a gap where an encoder restarted. The same bytes go to the segment sink and
/// to the live output. Single writer: Write, ForceCut and Complete come from one thread; the
/// statistics may be read from any thread.
/// </summary>
internal sealed class TsSegmenter
{
    private const long PtsMask = (1L << 33) - 1;
    private const long TicksPerMs = 90;
    private const long DefaultFrameTicks = 3600; // 25 fps until the stream tells otherwise
    private const long MaxFrameTicks = 90_000; // a larger step is a new timeline, not a slow frame

    private readonly string _sessionId;
    private readonly ISegmentSink _sink;
    private readonly long _targetTicks;
    private readonly long _maxTicks;
    private readonly TsPacketReader _reader = new();
    private readonly TsPacketHandler _onPacket;
    private readonly int[] _counters = new int[8192];
    private readonly ArrayBufferWriter<byte> _out = new(64 * 1024);
    private readonly byte[] _scratch = new byte[TsPacket.Size];
    private byte[]? _pat;
    private byte[]? _pmt;
    private int _pmtPid = -1;
    private TsProgramInfo? _program;
    private IncrementalHash? _hash;
    private byte[] _previousSha = new byte[32];
    private int _nextSequence;
    private long _segmentStartPts;
    private long _segmentTicks;
    private long _segmentBytes;
    private long? _previousDts;
    private long _frameTicks = DefaultFrameTicks;
    private bool _cutPending;
    private long? _offsetBase;
    private long _videoFrames;
    private long _lastVideoPts = -1;
    private long _lastAudioPts = -1;
    private long _driftMs;
    private long _bytesIn;
    private long _segments;
    private long _droppedPackets;
    private long _overlongSegments;

    public TsSegmenter(string sessionId, ISegmentSink sink, TimeSpan target, TimeSpan max)
    {
        _sessionId = sessionId;
        _sink = sink;
        _targetTicks = (long)target.TotalMilliseconds * TicksPerMs;
        _maxTicks = (long)max.TotalMilliseconds * TicksPerMs;
        _onPacket = OnPacket;
        Array.Fill(_counters, -1);
    }

    /// <summary>Called with every output byte (markers included, counters rewritten). Must not throw.</summary>
    public Action<ReadOnlySpan<byte>>? LiveOutput { get; set; }

    public long VideoFrames => Volatile.Read(ref _videoFrames);

    public long LastVideoPts => Volatile.Read(ref _lastVideoPts);

    public long LastAudioPts => Volatile.Read(ref _lastAudioPts);

    /// <summary>How far the video clock ran ahead of the audio clock since the encoder started (ms).</summary>
    public long AvDriftMs => Volatile.Read(ref _driftMs);

    public long BytesIn => Volatile.Read(ref _bytesIn);

    /// <summary>Closed segments.</summary>
    public long Segments => Volatile.Read(ref _segments);

    /// <summary>Segments started (the next sequence number).</summary>
    public int SegmentsBegun => Volatile.Read(ref _nextSequence);

    /// <summary>Packets thrown away because no PAT, PMT and keyframe had been seen yet.</summary>
    public long DroppedPackets => Volatile.Read(ref _droppedPackets);

    /// <summary>Bytes thrown away to regain sync.</summary>
    public long SkippedBytes => _reader.SkippedBytes;

    /// <summary>Segments that ran past the maximum because the encoder sent no keyframe in time.</summary>
    public long OverlongSegments => Volatile.Read(ref _overlongSegments);

    public void Write(ReadOnlySpan<byte> data)
    {
        Volatile.Write(ref _bytesIn, _bytesIn + data.Length);
        _reader.Write(data, _onPacket);
        FlushOutput();
    }

    /// <summary>
    /// The encoder restarts: cut at the new stream's first keyframe (its timestamps start over).
    /// The reader is not flushed: the call may race with the new encoder's first bytes, and the
    /// old stream's torn last packet is skipped by resync anyway.
    /// </summary>
    public void ForceCut()
    {
        _cutPending = true;
        if (_previousDts is not null)
        {
            _segmentTicks += _frameTicks; // the old stream's last frame
        }

        _previousDts = null;
        _offsetBase = null;
    }

    /// <summary>End of the session: closes the open segment.</summary>
    public void Complete()
    {
        _reader.Flush(_onPacket);
        if (_hash is not null)
        {
            _segmentTicks += _frameTicks;
            CloseSegment();
        }

        FlushOutput();
    }

    private void OnPacket(ReadOnlySpan<byte> packet)
    {
        var pid = TsPacket.Pid(packet);
        if (pid == SegmentMarker.Pid || pid == TsPacket.NullPid)
        {
            return;
        }

        if (pid == TsPacket.PatPid)
        {
            var pmtPid = PsiParser.ReadPmtPid(packet);
            if (pmtPid >= 0)
            {
                _pmtPid = pmtPid;
                _pat = packet.ToArray();
            }
        }
        else if (pid == _pmtPid)
        {
            var program = PsiParser.ReadPmt(packet, pid);
            if (program is not null)
            {
                _program = program;
                _pmt = packet.ToArray();
            }
        }

        var keyframe = false;
        long pts = 0;
        if (_program is not null && TsPacket.PayloadUnitStart(packet))
        {
            var payload = TsPacket.Payload(packet);
            if (pid == _program.VideoPid && PesHeader.TryReadTimestamps(payload, out pts, out var dts))
            {
                keyframe = TsPacket.RandomAccess(packet) || H264Scanner.ContainsIdr(payload[Math.Max(0, PesHeader.DataOffset(payload))..]);
                OnVideoFrame(pts, dts);
            }
            else if (pid == _program.AudioPid && PesHeader.TryReadTimestamps(payload, out var audioPts, out _))
            {
                Volatile.Write(ref _lastAudioPts, audioPts);
                UpdateDrift(audioPts);
            }
        }

        if (_hash is null)
        {
            if (!keyframe || _pat is null || _pmt is null)
            {
                Volatile.Write(ref _droppedPackets, _droppedPackets + 1);
                return;
            }

            OpenSegment(pts);
        }
        else if (keyframe && (_cutPending || _segmentTicks >= _targetTicks || _segmentTicks >= _maxTicks))
        {
            CloseSegment();
            OpenSegment(pts);
        }

        Emit(packet);
    }

    private void OnVideoFrame(long pts, long dts)
    {
        Volatile.Write(ref _videoFrames, _videoFrames + 1);
        Volatile.Write(ref _lastVideoPts, pts);
        if (_previousDts is { } previous)
        {
            var step = (dts - previous) & PtsMask;
            if (step > 0 && step <= MaxFrameTicks)
            {
                _frameTicks = step;
            }
            else
            {
                // A new timeline without ForceCut (an encoder that restarted on its own): count
                // one frame and start the next segment at the next keyframe.
                step = _frameTicks;
                _cutPending = true;
                _offsetBase = null;
            }

            if (_hash is not null)
            {
                _segmentTicks += step;
            }
        }

        _previousDts = dts;
    }

    /// <summary>
    /// Measured when an audio PES arrives: the muxer holds audio back by a roughly constant amount
    /// (a PES carries several frames), so the video-minus-audio offset at that moment is constant
    /// unless the two clocks drift. The first offset of each encoder run is the reference.
    /// </summary>
    private void UpdateDrift(long audioPts)
    {
        if (_lastVideoPts < 0 || _previousDts is null)
        {
            return;
        }

        var offset = ((_lastVideoPts - audioPts + (1L << 32)) & PtsMask) - (1L << 32);
        _offsetBase ??= offset;
        Volatile.Write(ref _driftMs, (offset - _offsetBase.Value) / TicksPerMs);
    }

    private void OpenSegment(long startPts)
    {
        var sequence = _nextSequence++;
        _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _segmentStartPts = startPts;
        _segmentTicks = 0;
        _segmentBytes = 0;
        _cutPending = false;
        _sink.BeginSegment(sequence, startPts);
        var marker = new SegmentMarker(_sessionId, sequence, startPts, _previousSha).ToTsPacket(0);
        Emit(marker);
        Emit(_pat);
        Emit(_pmt);
    }

    private void CloseSegment()
    {
        FlushOutput();
        var hash = _hash!.GetHashAndReset();
        _hash.Dispose();
        _hash = null;
        _previousSha = hash;
        if (_segmentTicks > _maxTicks)
        {
            Volatile.Write(ref _overlongSegments, _overlongSegments + 1);
        }

        _sink.EndSegment(new SegmentSummary(_nextSequence - 1, _segmentStartPts, _segmentTicks / TicksPerMs, _segmentBytes, Convert.ToHexStringLower(hash)));
        Volatile.Write(ref _segments, _segments + 1);
    }

    private void Emit(ReadOnlySpan<byte> packet)
    {
        var copy = _scratch.AsSpan();
        packet.CopyTo(copy);
        var pid = TsPacket.Pid(copy);
        var counter = _counters[pid];
        if (TsPacket.HasPayload(copy) || counter < 0)
        {
            counter = (counter + 1) & 0x0F;
            _counters[pid] = counter;
        }

        TsPacket.SetContinuityCounter(copy, counter);
        _hash!.AppendData(copy);
        _segmentBytes += TsPacket.Size;
        _out.Write(copy);
    }

    private void FlushOutput()
    {
        if (_out.WrittenCount == 0)
        {
            return;
        }

        var bytes = _out.WrittenSpan;
        _sink.Append(bytes);
        LiveOutput?.Invoke(bytes);
        _out.ResetWrittenCount();
    }
}
