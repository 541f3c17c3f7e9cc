using System.Security.Cryptography;
using TiepCongDan.Edge.Media.Recording;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Media.Recording;

/// <summary>What a SIGKILL leaves behind is turned into closed, uploadable segments at the next start.</summary>
public sealed class Crash_Recovery_Tests
{
    [Fact]
    public void A_session_killed_mid_segment_is_recovered_and_pending_upload_with_an_end_time()
    {
        using var dir = new MediaTestDirectory();
        var abandoned = dir.Open();
        var sessionId = dir.NewSessionId();
        var session = abandoned.BeginSession(sessionId, "14-04171", dir.Time.GetUtcNow().ToUnixTimeMilliseconds());
        var stream = MediaTestTools.StandardStream;
        // 6.5 s of 12: segment 0 closed, segment 1 open with several chunks written.
        MediaTestTools.WriteInChunks(m => session.Write(m.Span), stream.AsSpan(0, stream.Length * 55 / 100).ToArray(), seed: 4);
        Assert.Equal(1, session.Segments);
        var openPath = Path.Combine(dir.Settings.Directory, sessionId, "000001.tse");
        var length = new FileInfo(openPath).Length;
        Assert.True(length > 64 * 1024, "the open segment must hold at least one chunk");
        using (var file = new FileStream(openPath, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(length - 7); // a torn last chunk
        }

        // No Complete, no Dispose: the process is gone. A new one opens the store.
        var logger = new RecordingLogger();
        using var recorder = dir.Open(logger);

        var pending = Assert.Single(recorder.PendingSessions());
        Assert.Equal(sessionId, pending.SessionId);
        Assert.Equal(2, pending.SegmentCount);
        Assert.NotNull(pending.EndedAtMs);
        Assert.True(pending.EndedAtMs > pending.StartedAtMs);
        var segments = recorder.PendingSegments(sessionId);
        Assert.Equal([0, 1], segments.Select(s => s.Sequence));
        Assert.False(segments[0].Recovered);
        var recovered = segments[1];
        Assert.True(recovered.Recovered);
        Assert.InRange(recovered.DurationMs, 1, 6000);

        byte[] plaintext;
        using (var plain = recorder.OpenPlaintext(recovered))
        using (var copy = new MemoryStream())
        {
            plain.CopyTo(copy);
            plaintext = copy.ToArray();
        }

        Assert.Equal(0, plaintext.Length % 188);
        Assert.Equal(recovered.Sha256, Convert.ToHexStringLower(SHA256.HashData(plaintext)));
        var probe = Path.Combine(dir.Root, "recovered.ts");
        File.WriteAllBytes(probe, plaintext);
        var (codecs, firstFrame) = MediaTestTools.Probe(probe);
        Assert.Equal("aac,h264", codecs);
        Assert.Equal("1,I", firstFrame);

        // Journal and files agree: exactly the two journaled files, nothing orphaned.
        var files = Directory.GetFiles(Path.Combine(dir.Settings.Directory, sessionId)).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["000000.tse", "000001.tse"], files);
        Assert.False(Directory.Exists(Path.Combine(dir.Settings.Directory, "orphans")));
        Assert.Contains(logger.Entries, e => e.EventId == 6201);
        Assert.Contains(logger.Entries, e => e.EventId == 6203);
        abandoned.Dispose();
    }

    [Fact]
    public void Data_from_a_stalled_encoder_reaches_the_file_within_500_ms()
    {
        using var dir = new MediaTestDirectory();
        using var recorder = dir.Open();
        var sessionId = dir.NewSessionId();
        var session = recorder.BeginSession(sessionId, "14-04171", 1_000);
        session.Write(MediaTestTools.StandardStream.AsSpan(0, 20 * 1024)); // under one 64 KiB chunk
        var path = Path.Combine(dir.Settings.Directory, sessionId, "000000.tse");
        var before = new FileInfo(path).Length;

        dir.Time.Advance(TimeSpan.FromMilliseconds(600)); // the encoder sends nothing meanwhile

        Assert.True(new FileInfo(path).Length > before + (16 * 1024), "the buffered packets must be written as a chunk");
        var scan = EncryptedSegmentReader.Scan(path, recorder.Key, strict: false);
        Assert.False(scan.Final);
        Assert.Equal(0, scan.Plaintext.Length % 188);
        Assert.True(scan.Plaintext.Length > 16 * 1024);
    }

    [Fact]
    public void A_journaled_segment_whose_file_is_gone_is_marked_lost()
    {
        using var dir = new MediaTestDirectory();
        var sessionId = dir.NewSessionId();
        using (var recorder = dir.Open())
        {
            var session = recorder.BeginSession(sessionId, "14-04171", 1_000);
            session.Write(MediaTestTools.StandardStream);
            session.Complete(13_000);
        }

        File.Delete(Path.Combine(dir.Settings.Directory, sessionId, "000001.tse"));
        var logger = new RecordingLogger();
        using var reopened = dir.Open(logger);

        Assert.DoesNotContain(1, reopened.PendingSegments(sessionId).Select(s => s.Sequence));
        Assert.Contains(logger.Entries, e => e.EventId == 6202 && e.Message.Contains("gone", StringComparison.Ordinal));

        // A lost segment never blocks the session from leaving the catalog.
        foreach (var segment in reopened.PendingSegments(sessionId))
        {
            reopened.MarkConfirmed(sessionId, segment.Sequence);
        }

        reopened.MarkEndDeclared(sessionId);
        Assert.Empty(reopened.PendingSessions());
    }
}
