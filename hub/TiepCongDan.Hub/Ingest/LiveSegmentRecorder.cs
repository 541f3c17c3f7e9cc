using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Hub.Ingest;

/// <summary>
/// Records one connection's stream in the kiosk's own segments: a segment runs from its
/// <see cref="SegmentMarker"/> packet up to the next marker. When the marker of N+1 carries the SHA-256
/// of exactly the bytes recorded for N, N is handed to the confirmer; any other outcome (loss, a dropped
/// bad packet, a sequence gap, a connection that ends mid-segment) discards the live copy and the kiosk
/// uploads that segment. Per connection, so a reconnect never splices two connections into one segment.
/// Single thread (the receive loop).
/// </summary>
internal sealed class LiveSegmentRecorder : IDisposable
{
    /// <summary>Far above a 6 s segment at the ladder's top rate; a longer one is not the kiosk's segmenting.</summary>
    private const int MaxSegmentBytes = 32 * 1024 * 1024;
    private const long PtsWrap = 1L << 33;
    private const long MaxPtsStepMs = 60_000;

    private readonly string _kioskId;
    private readonly string _sessionId;
    private readonly LiveSegmentConfirmer _confirmer;
    private readonly IngestMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private MemoryStream? _content;
    private int _sequence;
    private long _startPts;
    private long _startedAt;

    public LiveSegmentRecorder(string kioskId, string sessionId, LiveSegmentConfirmer confirmer, IngestMetrics metrics, TimeProvider time, ILogger logger)
    {
        _kioskId = kioskId;
        _sessionId = sessionId;
        _confirmer = confirmer;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>Whole, well-formed TS packets in arrival order.</summary>
    public void Append(ReadOnlySpan<byte> packets)
    {
        for (var offset = 0; offset + TsFraming.PacketSize <= packets.Length; offset += TsFraming.PacketSize)
        {
            var packet = packets.Slice(offset, TsFraming.PacketSize);
            if (TsFraming.Pid(packet) == SegmentMarker.Pid)
            {
                OnMarker(packet);
            }
            else if (_content is not null)
            {
                Add(packet);
            }
        }
    }

    /// <summary>The connection is gone: the open segment's hash is only known from the kiosk's upload.</summary>
    public void ConnectionEnded()
    {
        if (_content is not null)
        {
            Discard("connection-ended");
        }
    }

    public void Dispose()
    {
        _content?.Dispose();
        _content = null;
        _hash.Dispose();
    }

    private void OnMarker(ReadOnlySpan<byte> packet)
    {
        if (!SegmentMarker.TryParse(packet, out var marker) || marker.SessionId != _sessionId)
        {
            // Not this session's marker: nothing around it can be vouched for.
            if (_content is not null)
            {
                Discard("foreign-marker");
            }

            return;
        }

        if (_content is not null)
        {
            var sha = _hash.GetHashAndReset();
            if (marker.Sequence != _sequence + 1)
            {
                Discard("sequence-gap");
            }
            else if (!sha.AsSpan().SequenceEqual(marker.PreviousSha256))
            {
                Discard("hash-mismatch");
            }
            else
            {
                _confirmer.Offer(new LiveSegmentCandidate(_kioskId, _sessionId, _sequence, _content, Convert.ToHexStringLower(sha), _startPts, DurationMs(marker.StartPts)));
                _content = null;
            }
        }

        _ = _hash.GetHashAndReset();
        _content = new MemoryStream(1024 * 1024);
        _sequence = marker.Sequence;
        _startPts = marker.StartPts;
        _startedAt = _time.GetTimestamp();
        Add(packet);
    }

    private void Add(ReadOnlySpan<byte> packet)
    {
        if (_content!.Length + packet.Length > MaxSegmentBytes)
        {
            Discard("too-large");
            return;
        }

        _content.Write(packet);
        _hash.AppendData(packet);
    }

    /// <summary>From the two markers' PTS; across an encoder restart (a new timeline) from the arrival times.</summary>
    private long DurationMs(long nextStartPts)
    {
        var ms = ((nextStartPts - _startPts + PtsWrap) % PtsWrap) / 90;
        return ms is > 0 and <= MaxPtsStepMs ? ms : (long)_time.GetElapsedTime(_startedAt).TotalMilliseconds;
    }

    private void Discard(string reason)
    {
        _metrics.LiveSegmentsDiscarded.Inc(reason);
        IngestLog.SegmentDiscarded(_logger, _sessionId, _sequence, reason);
        _content?.Dispose();
        _content = null;
        _ = _hash.GetHashAndReset();
    }
}
