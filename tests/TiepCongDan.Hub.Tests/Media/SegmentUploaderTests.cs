using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Edge.Media.Upload;
using TiepCongDan.Hub.Media;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Media;

/// <summary>The kiosk's SegmentUploader against the real hub over loopback HTTP.</summary>
public sealed class SegmentUploaderTests : IAsyncLifetime
{
    private const string Kiosk = "14-04171";
    private const int Chunk = 64 * 1024;
    private TestHub _hub = null!;

    public async Task InitializeAsync() => _hub = await TestHub.StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Uploads_every_pending_segment_and_the_hub_confirms_them()
    {
        var catalog = new FakeSegmentCatalog();
        var ended = catalog.AddSession(MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow.AddMinutes(-20)), Kiosk, 1_763_866_260_000, 1_763_866_278_000, 3);
        var open = catalog.AddSession(MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow), Kiosk, 1_763_867_460_000);
        var data = new Dictionary<(string, int), byte[]>();
        foreach (var (session, count) in new[] { (ended.SessionId, 3), (open.SessionId, 2) })
        {
            for (var seq = 0; seq < count; seq++)
            {
                data[(session, seq)] = MediaKiosk.RandomSegment(150_000 + (seq * 7_777));
                catalog.AddSegment(session, seq, data[(session, seq)]);
            }
        }

        await using var uploader = Uploader(catalog, new LinkCutHandler());
        uploader.Start();

        await Eventually.True(() => catalog.Confirmed.Count == 5, "all five segments confirmed", 30_000);
        await Eventually.True(() => catalog.EndDeclared.Contains(ended.SessionId), "the ended session's end declared");
        Assert.DoesNotContain(open.SessionId, catalog.EndDeclared);
        Assert.Equal(5, uploader.SegmentsConfirmed);
        Assert.Equal(data.Values.Sum(d => (long)d.Length), uploader.BytesUploaded);
        foreach (var ((session, seq), bytes) in data)
        {
            Assert.Equal(MediaKiosk.Sha(bytes), MediaKiosk.Sha(await File.ReadAllBytesAsync(ArchivePath(session, seq))));
        }

        var row = _hub.Get<MediaArchiveStore>().FindSession(ended.SessionId)!;
        Assert.Equal((1_763_866_278_000L, 3), (row.EndedAtMs!.Value, row.SegmentCount!.Value));
        await Eventually.True(() => uploader.State == SegmentUploaderState.Idle, "the uploader to go idle");
        Assert.Null(uploader.LastError);
        Assert.Equal(0, uploader.PendingSegments);
    }

    [Fact]
    public async Task Segments_the_hub_already_holds_are_confirmed_without_upload_and_a_trigger_sends_new_ones()
    {
        var catalog = new FakeSegmentCatalog();
        var session = catalog.AddSession(MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow), Kiosk, 1_763_866_260_000);
        var segments = Enumerable.Range(0, 4).Select(seq => catalog.AddSegment(session.SessionId, seq, MediaKiosk.RandomSegment(100_000))).ToList();
        var service = _hub.Get<SegmentUploadService>();
        foreach (var live in new[] { 0, 2 })
        {
            using var content = catalog.OpenPlaintext(segments[live]);
            await service.ConfirmLiveSegmentAsync(Kiosk, session.SessionId, live, content, segments[live].Sha256, 0, 6000, CancellationToken.None);
        }

        var handler = new LinkCutHandler();
        await using var uploader = Uploader(catalog, handler, idlePoll: TimeSpan.FromMinutes(10));
        uploader.Start();

        await Eventually.True(() => catalog.Confirmed.Count == 4, "all four segments confirmed", 30_000);
        Assert.Equal(2, handler.Patches.Count);
        Assert.All(handler.Patches.Keys, path => Assert.True(path.EndsWith("/1", StringComparison.Ordinal) || path.EndsWith("/3", StringComparison.Ordinal), path));
        Assert.Equal(200_000, uploader.BytesUploaded);

        await Eventually.True(() => uploader.State == SegmentUploaderState.Idle, "the uploader to go idle");
        var late = MediaKiosk.RandomSegment(30_000);
        catalog.AddSegment(session.SessionId, 4, late);
        uploader.Trigger();
        await Eventually.True(() => catalog.Confirmed.Count == 5, "the triggered segment confirmed", 30_000);
        Assert.Equal(MediaKiosk.Sha(late), MediaKiosk.Sha(await File.ReadAllBytesAsync(ArchivePath(session.SessionId, 4))));
    }

    [Fact]
    public async Task A_link_cut_mid_upload_resumes_from_the_hubs_offset_without_resending_more_than_a_chunk()
    {
        var catalog = new FakeSegmentCatalog { Seekable = false };
        var session = catalog.AddSession(MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow), Kiosk, 1_763_866_260_000);
        var segment = catalog.AddSegment(session.SessionId, 0, MediaKiosk.RandomSegment(600_000));
        var handler = new LinkCutHandler(cutAfterBytes: 250_000);
        await using var uploader = Uploader(catalog, handler);
        uploader.Start();

        await Eventually.True(() => catalog.Confirmed.Count == 1, "the segment confirmed after the cut", 40_000);

        Assert.True(handler.HasCut);
        Assert.True(_hub.Logs.Contains("broke off at"), "the hub saw the upload break off");
        Assert.InRange(handler.BytesSent, segment.Bytes, segment.Bytes + Chunk);
        Assert.Equal(segment.Sha256, MediaKiosk.Sha(await File.ReadAllBytesAsync(ArchivePath(session.SessionId, 0))));
        Assert.False(File.Exists(ArchivePath(session.SessionId, 0) + ".part"));
    }

    [Fact]
    public async Task A_wrong_password_confirms_nothing_and_tells_the_operator()
    {
        var catalog = new FakeSegmentCatalog();
        var session = catalog.AddSession(MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow), Kiosk, 1_763_866_260_000);
        catalog.AddSegment(session.SessionId, 0, MediaKiosk.RandomSegment(10_000));
        var settings = Settings();
        settings.Password = "wrong-password";
        var uploader = new SegmentUploader(catalog, settings, TimeProvider.System, NullLogger.Instance, new LinkCutHandler());
        uploader.Start();

        await Eventually.True(() => uploader.LastError is not null, "the uploader to report the refusal");

        Assert.Contains("mật khẩu", uploader.LastError, StringComparison.Ordinal);
        Assert.Empty(catalog.Confirmed);
        Assert.Equal(0, uploader.SegmentsConfirmed);
        Assert.Equal(1, uploader.PendingSegments);
        Assert.Null(_hub.Get<MediaArchiveStore>().FindSession(session.SessionId));
        await uploader.DisposeAsync();
        Assert.Equal(SegmentUploaderState.Stopped, uploader.State);
    }

    [Fact]
    public async Task A_partial_left_on_the_hub_is_continued_from_its_offset()
    {
        var catalog = new FakeSegmentCatalog();
        var session = catalog.AddSession(MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow), Kiosk, 1_763_866_260_000);
        var data = MediaKiosk.RandomSegment(300_000);
        var segment = catalog.AddSegment(session.SessionId, 0, data);
        using (var earlier = new MediaKiosk(_hub, Kiosk))
        {
            using var put = await earlier.PutAsync(session.SessionId, new SessionDeclaration(Kiosk, session.StartedAtMs, null, null));
            using var half = await earlier.PatchAsync(session.SessionId, 0, data, 0, 123_456);
            Assert.Equal(System.Net.HttpStatusCode.NoContent, half.StatusCode);
        }

        var handler = new LinkCutHandler();
        await using var uploader = Uploader(catalog, handler);
        uploader.Start();

        await Eventually.True(() => catalog.Confirmed.Count == 1, "the segment confirmed", 30_000);
        Assert.Equal(segment.Bytes - 123_456, handler.BytesSent);
        Assert.Equal(segment.Bytes - 123_456, uploader.BytesUploaded);
        Assert.Equal(segment.Sha256, MediaKiosk.Sha(await File.ReadAllBytesAsync(ArchivePath(session.SessionId, 0))));
    }

    [Fact]
    public async Task A_segment_whose_hash_never_matches_is_retried_once_then_kept_and_reported()
    {
        var catalog = new FakeSegmentCatalog();
        var session = catalog.AddSession(MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow), Kiosk, 1_763_866_260_000);
        var good = catalog.AddSegment(session.SessionId, 0, MediaKiosk.RandomSegment(20_000));
        var bad = catalog.AddSegment(session.SessionId, 1, MediaKiosk.RandomSegment(20_000));
        catalog.CorruptHash(session.SessionId, 1);
        var handler = new LinkCutHandler();
        await using var uploader = Uploader(catalog, handler);
        uploader.Start();

        await Eventually.True(() => catalog.Confirmed.Count == 1 && uploader.LastError is not null, "the good segment confirmed and the bad one reported", 30_000);
        await Task.Delay(1500);

        Assert.Equal((session.SessionId, good.Sequence), Assert.Single(catalog.Confirmed));
        Assert.Equal(bad.Sequence, Assert.Single(catalog.PendingSegments(session.SessionId)).Sequence);
        Assert.Equal(2, handler.Patches.Single(p => p.Key.EndsWith("/1", StringComparison.Ordinal)).Value);
        Assert.Contains("mã băm", uploader.LastError, StringComparison.Ordinal);
        Assert.False(File.Exists(ArchivePath(session.SessionId, 1)));
    }

    private SegmentUploader Uploader(FakeSegmentCatalog catalog, HttpMessageHandler handler, TimeSpan? idlePoll = null)
    {
        var settings = Settings();
        settings.IdlePollInterval = idlePoll ?? TimeSpan.FromSeconds(1);
        return new SegmentUploader(catalog, settings, TimeProvider.System, NullLogger.Instance, handler);
    }

    private SegmentUploaderSettings Settings() => new()
    {
        HubBaseUri = _hub.BaseAddress,
        KioskId = Kiosk,
        Password = _hub.KioskPassword(Kiosk),
        ChunkBytes = Chunk,
        RetryMinDelay = TimeSpan.FromMilliseconds(50),
        RetryMaxDelay = TimeSpan.FromMilliseconds(300),
        RequestTimeout = TimeSpan.FromSeconds(20),
    };

    private string ArchivePath(string session, int sequence) =>
        Path.Combine(_hub.DataDirectory, "archive", Kiosk, session, $"{sequence:D6}.ts");
}
