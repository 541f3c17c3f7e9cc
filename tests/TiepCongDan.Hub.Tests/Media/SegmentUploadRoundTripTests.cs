using System.Net;
using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Hub.Tests.Media;

/// <summary>The resumable, idempotent PATCH protocol over loopback HTTP against the real hub.</summary>
public sealed class SegmentUploadRoundTripTests : IClassFixture<MediaHubFixture>
{
    private const string Kiosk = "14-04171";
    private readonly MediaHubFixture _fixture;

    public SegmentUploadRoundTripTests(MediaHubFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Whole_segment_in_one_patch_is_confirmed_stored_and_listed()
    {
        using var kiosk = new MediaKiosk(_fixture.Hub, Kiosk);
        var session = await kiosk.DeclareAsync();
        var data = MediaKiosk.RandomSegment(300_000);

        using var response = await kiosk.PatchAsync(session, 0, data, 0, data.Length);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(data.Length, MediaKiosk.Offset(response));
        var stored = await File.ReadAllBytesAsync(ArchivePath(session, 0));
        Assert.Equal(MediaKiosk.Sha(data), MediaKiosk.Sha(stored));
        Assert.False(File.Exists(ArchivePath(session, 0) + ".part"));
        var list = await kiosk.ListAsync(session);
        Assert.Equal(Kiosk, list.KioskId);
        Assert.Equal(new ArchivedSegment(0, MediaKiosk.Sha(data), data.Length), Assert.Single(list.Segments));
    }

    [Fact]
    public async Task Half_then_head_then_rest_resumes_and_completes()
    {
        using var kiosk = new MediaKiosk(_fixture.Hub, Kiosk);
        var session = await kiosk.DeclareAsync();
        var data = MediaKiosk.RandomSegment(200_001);
        using (var head = await kiosk.HeadAsync(session, 3))
        {
            Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        }

        using (var first = await kiosk.PatchAsync(session, 3, data, 0, 100_000))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
            Assert.Equal(100_000, MediaKiosk.Offset(first));
        }

        using (var head = await kiosk.HeadAsync(session, 3))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(100_000, MediaKiosk.Offset(head));
        }

        Assert.Empty((await kiosk.ListAsync(session)).Segments);
        using var rest = await kiosk.PatchAsync(session, 3, data, 100_000, data.Length - 100_000);
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        Assert.Equal(MediaKiosk.Sha(data), MediaKiosk.Sha(await File.ReadAllBytesAsync(ArchivePath(session, 3))));
        Assert.Equal(3, Assert.Single((await kiosk.ListAsync(session)).Segments).Sequence);
    }

    [Fact]
    public async Task Repeating_a_confirmed_segment_answers_200_and_a_different_hash_409_without_offset()
    {
        using var kiosk = new MediaKiosk(_fixture.Hub, Kiosk);
        var session = await kiosk.DeclareAsync();
        var data = MediaKiosk.RandomSegment(50_000);
        using (var created = await kiosk.PatchAsync(session, 0, data, 0, data.Length))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var again = await kiosk.PatchAsync(session, 0, data, 0, data.Length))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        using (var head = await kiosk.HeadAsync(session, 0))
        {
            Assert.Equal(data.Length, MediaKiosk.Offset(head));
        }

        var other = MediaKiosk.RandomSegment(50_000);
        using var conflict = await kiosk.PatchAsync(session, 0, other, 0, other.Length);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Null(MediaKiosk.Offset(conflict));
        Assert.Equal(MediaKiosk.Sha(data), MediaKiosk.Sha(await File.ReadAllBytesAsync(ArchivePath(session, 0))));
    }

    [Fact]
    public async Task Wrong_hash_answers_422_and_discards_the_partial()
    {
        using var kiosk = new MediaKiosk(_fixture.Hub, Kiosk);
        var session = await kiosk.DeclareAsync();
        var data = MediaKiosk.RandomSegment(80_000);
        var lie = new Dictionary<string, string?> { [SegmentUploadProtocol.Sha256Header] = MediaKiosk.Sha(MediaKiosk.RandomSegment(10)) };
        using (var first = await kiosk.PatchAsync(session, 1, data, 0, 40_000, lie))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        using (var rest = await kiosk.PatchAsync(session, 1, data, 40_000, 40_000, lie))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, rest.StatusCode);
        }

        using (var head = await kiosk.HeadAsync(session, 1))
        {
            Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        }

        Assert.False(File.Exists(ArchivePath(session, 1) + ".part"));
        Assert.False(File.Exists(ArchivePath(session, 1)));
        Assert.Empty((await kiosk.ListAsync(session)).Segments);
        using var honest = await kiosk.PatchAsync(session, 1, data, 0, data.Length);
        Assert.Equal(HttpStatusCode.Created, honest.StatusCode);
    }

    [Fact]
    public async Task Wrong_offset_answers_409_with_the_current_offset()
    {
        using var kiosk = new MediaKiosk(_fixture.Hub, Kiosk);
        var session = await kiosk.DeclareAsync();
        var data = MediaKiosk.RandomSegment(90_000);
        using (var first = await kiosk.PatchAsync(session, 2, data, 0, 30_000))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        using (var ahead = await kiosk.PatchAsync(session, 2, data, 60_000, 30_000))
        {
            Assert.Equal(HttpStatusCode.Conflict, ahead.StatusCode);
            Assert.Equal(30_000, MediaKiosk.Offset(ahead));
        }

        using (var behind = await kiosk.PatchAsync(session, 2, data, 0, 30_000))
        {
            Assert.Equal(HttpStatusCode.Conflict, behind.StatusCode);
            Assert.Equal(30_000, MediaKiosk.Offset(behind));
        }

        using var rest = await kiosk.PatchAsync(session, 2, data, 30_000, 60_000);
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        Assert.Equal(MediaKiosk.Sha(data), MediaKiosk.Sha(await File.ReadAllBytesAsync(ArchivePath(session, 2))));
    }

    [Fact]
    public async Task Redeclaring_is_idempotent_and_keeps_the_end()
    {
        using var kiosk = new MediaKiosk(_fixture.Hub, Kiosk);
        var session = await kiosk.DeclareAsync();
        using (var ended = await kiosk.PutAsync(session, new SessionDeclaration(Kiosk, 1_763_866_260_000, 1_763_866_860_000, 100)))
        {
            Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        }

        using (var again = await kiosk.PutAsync(session, new SessionDeclaration(Kiosk, 1_763_866_260_000, null, null)))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var row = _fixture.Hub.Get<TiepCongDan.Hub.Media.MediaArchiveStore>().FindSession(session)!;
        Assert.Equal(Kiosk, row.KioskId);
        Assert.Equal(1_763_866_860_000, row.EndedAtMs);
        Assert.Equal(100, row.SegmentCount);
    }

    private string ArchivePath(string session, int sequence) =>
        Path.Combine(_fixture.Hub.DataDirectory, "archive", Kiosk, session, $"{sequence:D6}.ts");
}
