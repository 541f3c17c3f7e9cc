using System.Security.Cryptography;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Edge.Media.Recording;

namespace TiepCongDan.Edge.Tests.Media.Recording;

/// <summary>Real ffmpeg output in, encrypted self-contained segments and an identical live stream out.</summary>
public sealed class Segmenting_Tests
{
    [Fact]
    public void Segments_are_cut_at_keyframes_play_alone_and_chain_their_hashes()
    {
        using var dir = new MediaTestDirectory();
        using var recorder = dir.Open();
        var sessionId = dir.NewSessionId();
        var session = recorder.BeginSession(sessionId, "14-04171", 1_000);
        using var live = new MemoryStream();
        session.LiveOutput = bytes => live.Write(bytes);
        var closed = new List<SegmentRecord>();
        session.SegmentClosed += closed.Add;

        MediaTestTools.WriteInChunks(m => session.Write(m.Span), MediaTestTools.StandardStream, seed: 1);
        session.Complete(13_000);

        Assert.False(session.HasFailed, session.FailureReason);
        var segments = recorder.PendingSegments(sessionId);
        Assert.Equal(closed, segments);
        Assert.InRange(segments.Count, 2, 6);
        Assert.Equal(300, session.VideoFrames);
        Assert.InRange(session.AvDriftMs, -100, 100);
        Assert.InRange(session.LastVideoPts - session.LastAudioPts, -90_000, 90_000);
        Assert.True(session.LastVideoPts > 12 * 90_000, "ffmpeg's timestamps start at 1.4 s");
        Assert.Equal(MediaTestTools.StandardStream.Length, session.Bytes);
        var previous = new byte[32];
        using var joined = new MemoryStream();
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            Assert.Equal(i, segment.Sequence);
            Assert.InRange(segment.DurationMs, i == segments.Count - 1 ? 1 : 2000, 6000);
            byte[] plaintext;
            using (var stream = recorder.OpenPlaintext(segment))
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                plaintext = copy.ToArray();
            }

            Assert.Equal(0, plaintext.Length % MediaTestTools.PacketSize);
            Assert.Equal(segment.Bytes, plaintext.Length);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(plaintext)), segment.Sha256);
            Assert.True(SegmentMarker.TryParse(plaintext, out var marker), "segment must start with a marker packet");
            Assert.Equal(sessionId, marker.SessionId);
            Assert.Equal(i, marker.Sequence);
            Assert.Equal(segment.StartPts, marker.StartPts);
            Assert.Equal(previous, marker.PreviousSha256);
            Assert.Equal(0, MediaTestTools.Pid(plaintext.AsSpan(188))); // PAT
            previous = SHA256.HashData(plaintext);
            joined.Write(plaintext);

            var file = Path.Combine(dir.Root, $"seg{i}.ts");
            File.WriteAllBytes(file, plaintext);
            var (codecs, firstFrame) = MediaTestTools.Probe(file);
            Assert.Equal("aac,h264", codecs);
            Assert.Equal("1,I", firstFrame);
        }

        Assert.Equal(joined.ToArray(), live.ToArray());
        var sessionRecord = Assert.Single(recorder.PendingSessions());
        Assert.Equal(new SessionRecord(sessionId, "14-04171", 1_000, 13_000, segments.Count, false), sessionRecord);
    }

    [Fact]
    public void Confirmed_segments_leave_the_disk_and_a_declared_session_leaves_the_catalog()
    {
        using var dir = new MediaTestDirectory();
        using var recorder = dir.Open();
        var sessionId = dir.NewSessionId();
        var session = recorder.BeginSession(sessionId, "14-04171", 1_000);
        session.Write(MediaTestTools.StandardStream);
        Assert.Throws<InvalidOperationException>(() => recorder.MarkEndDeclared(sessionId));
        session.Complete(13_000);
        var segments = recorder.PendingSegments(sessionId);
        Assert.True(recorder.Storage().PendingBytes >= segments.Sum(s => s.Bytes));

        recorder.MarkConfirmed(sessionId, 0);
        recorder.MarkConfirmed(sessionId, 0); // the uploader may confirm twice
        Assert.False(File.Exists(Path.Combine(dir.Settings.Directory, sessionId, "000000.tse")));
        Assert.Equal(segments.Skip(1), recorder.PendingSegments(sessionId));

        recorder.MarkEndDeclared(sessionId);
        Assert.Single(recorder.PendingSessions()); // segments still unconfirmed
        foreach (var segment in segments.Skip(1))
        {
            recorder.MarkConfirmed(sessionId, segment.Sequence);
        }

        Assert.Empty(recorder.PendingSessions());
        Assert.False(Directory.Exists(Path.Combine(dir.Settings.Directory, sessionId)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // an encoder that restarted without telling: the timestamp jump triggers the cut
    public void An_encoder_restart_keeps_counters_continuous_and_loses_no_packet(bool forceCut)
    {
        var first = MediaTestTools.Encode(5);
        var second = MediaTestTools.Encode(5);
        using var dir = new MediaTestDirectory();
        using var recorder = dir.Open();
        var sessionId = dir.NewSessionId();
        var session = recorder.BeginSession(sessionId, "14-04171", 1_000);
        using var live = new MemoryStream();
        session.LiveOutput = bytes => live.Write(bytes);

        // The first encoder dies mid-packet: its torn last packet must not disturb the second stream.
        MediaTestTools.WriteInChunks(m => session.Write(m.Span), first.AsSpan(0, first.Length - 100).ToArray(), seed: 2);
        if (forceCut)
        {
            session.ForceCut();
        }

        MediaTestTools.WriteInChunks(m => session.Write(m.Span), second, seed: 3);
        session.Complete(12_000);

        var output = live.ToArray();
        Assert.Equal(0, output.Length % MediaTestTools.PacketSize);
        var counters = new Dictionary<int, int>();
        var markers = new List<int>();
        var payload = new List<byte[]>();
        var skip = 0;
        for (var i = 0; i < output.Length; i += MediaTestTools.PacketSize)
        {
            var packet = output.AsSpan(i, MediaTestTools.PacketSize);
            Assert.Equal(0x47, packet[0]);
            var pid = MediaTestTools.Pid(packet);
            var cc = packet[3] & 0x0F;
            if (counters.TryGetValue(pid, out var last))
            {
                Assert.True(cc == ((last + 1) & 0x0F), $"PID {pid}: counter {cc} after {last} at packet {i / 188}");
            }

            counters[pid] = cc;
            if (pid == SegmentMarker.Pid)
            {
                Assert.True(SegmentMarker.TryParse(packet, out var marker));
                markers.Add(marker.Sequence);
                skip = 2; // the PAT and PMT copies that follow every marker
                continue;
            }

            if (skip > 0)
            {
                skip--;
                continue;
            }

            payload.Add(WithoutCounter(packet));
        }

        Assert.Equal(Enumerable.Range(0, markers.Count), markers);
        // Every packet of the first stream from its first keyframe (minus the torn one), then every packet of the second.
        var expected = Packets(first.AsSpan(0, first.Length - 188)).SkipWhile(p => !IsKeyframe(p)).Concat(Packets(second)).ToList();
        Assert.Equal(expected.Count, payload.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].AsSpan().SequenceEqual(payload[i]), $"packet {i} differs");
        }

        Assert.Equal(Packets(first).TakeWhile(p => !IsKeyframe(p)).Count(), session.DroppedPackets);
        // The restart itself started a segment: the second stream's first keyframe follows a marker.
        var secondKeyframe = WithoutCounter(Packets(second).First(IsKeyframe));
        var index = FindPacket(output, secondKeyframe);
        Assert.True(SegmentMarker.IsMarkerPacket(output.AsSpan(index - 3 * 188)), "the restart must open a new segment");
        Assert.InRange(session.AvDriftMs, -100, 100);
        Assert.All(recorder.PendingSegments(sessionId).SkipLast(1), s => Assert.InRange(s.DurationMs, 1, 6000));
    }

    private static List<byte[]> Packets(ReadOnlySpan<byte> ts)
    {
        var list = new List<byte[]>();
        for (var i = 0; i + 188 <= ts.Length; i += 188)
        {
            list.Add(WithoutCounter(ts.Slice(i, 188)));
        }

        return list;
    }

    private static byte[] WithoutCounter(ReadOnlySpan<byte> packet)
    {
        var copy = packet.ToArray();
        copy[3] &= 0xF0;
        return copy;
    }

    private static bool IsKeyframe(byte[] p) =>
        MediaTestTools.Pid(p) == 0x100 && (p[1] & 0x40) != 0 && (p[3] & 0x20) != 0 && p[4] > 0 && (p[5] & 0x40) != 0;

    private static int FindPacket(byte[] output, byte[] packet)
    {
        for (var i = 0; i < output.Length; i += 188)
        {
            if (WithoutCounter(output.AsSpan(i, 188)).AsSpan().SequenceEqual(packet))
            {
                return i;
            }
        }

        throw new InvalidOperationException("packet not found in the output");
    }
}
