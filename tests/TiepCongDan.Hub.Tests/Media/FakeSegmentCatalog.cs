using System.Security.Cryptography;
using TiepCongDan.Edge.Media.Recording;

namespace TiepCongDan.Hub.Tests.Media;

/// <summary>An in-memory ISegmentCatalog with plaintext segments; records what the uploader confirmed. Thread-safe.</summary>
public sealed class FakeSegmentCatalog : ISegmentCatalog
{
    private readonly Lock _gate = new();
    private readonly List<SessionRecord> _sessions = [];
    private readonly Dictionary<(string, int), (SegmentRecord Record, byte[] Data)> _segments = [];
    private readonly List<(string SessionId, int Sequence)> _confirmed = [];
    private readonly HashSet<string> _endDeclared = [];

    /// <summary>When false, OpenPlaintext streams cannot seek (like a decrypting stream).</summary>
    public bool Seekable { get; init; } = true;

    public IReadOnlyList<(string SessionId, int Sequence)> Confirmed
    {
        get
        {
            lock (_gate)
            {
                return _confirmed.ToList();
            }
        }
    }

    public IReadOnlySet<string> EndDeclared
    {
        get
        {
            lock (_gate)
            {
                return _endDeclared.ToHashSet();
            }
        }
    }

    public SessionRecord AddSession(string sessionId, string kioskId, long startedAtMs, long? endedAtMs = null, int? segmentCount = null)
    {
        var session = new SessionRecord(sessionId, kioskId, startedAtMs, endedAtMs, segmentCount, EndDeclared: false);
        lock (_gate)
        {
            _sessions.Add(session);
        }

        return session;
    }

    public SegmentRecord AddSegment(string sessionId, int sequence, byte[] data)
    {
        var record = new SegmentRecord(sessionId, sequence, sequence * 540_000L, 6000, data.Length, Convert.ToHexStringLower(SHA256.HashData(data)), Recovered: false);
        lock (_gate)
        {
            _segments[(sessionId, sequence)] = (record, data);
        }

        return record;
    }

    /// <summary>Makes the recorded SHA-256 of a segment wrong, as a damaged journal row would.</summary>
    public void CorruptHash(string sessionId, int sequence)
    {
        lock (_gate)
        {
            var (record, data) = _segments[(sessionId, sequence)];
            _segments[(sessionId, sequence)] = (record with { Sha256 = new string('0', 64) }, data);
        }
    }

    public IReadOnlyList<SessionRecord> PendingSessions()
    {
        lock (_gate)
        {
            return _sessions.Where(s => !(s.EndDeclared && !_segments.Keys.Any(k => k.Item1 == s.SessionId))).ToList();
        }
    }

    public IReadOnlyList<SegmentRecord> PendingSegments(string sessionId)
    {
        lock (_gate)
        {
            return _segments.Values.Select(v => v.Record).Where(r => r.SessionId == sessionId).OrderBy(r => r.Sequence).ToList();
        }
    }

    public Stream OpenPlaintext(SegmentRecord segment)
    {
        byte[] data;
        lock (_gate)
        {
            data = _segments[(segment.SessionId, segment.Sequence)].Data;
        }

        return Seekable ? new MemoryStream(data, writable: false) : new ForwardOnlyStream(new MemoryStream(data, writable: false));
    }

    public void MarkConfirmed(string sessionId, int sequence)
    {
        lock (_gate)
        {
            Assert.True(_segments.Remove((sessionId, sequence)), $"confirmed {sessionId}/{sequence}, which is not pending");
            _confirmed.Add((sessionId, sequence));
        }
    }

    public void MarkEndDeclared(string sessionId)
    {
        lock (_gate)
        {
            _endDeclared.Add(sessionId);
            var index = _sessions.FindIndex(s => s.SessionId == sessionId);
            _sessions[index] = _sessions[index] with { EndDeclared = true };
        }
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
