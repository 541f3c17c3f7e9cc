using System.Net;
using TiepCongDan.Hub.Media;

namespace TiepCongDan.Hub.Tests.Media;

/// <summary>Segments the live ingest received whole count as confirmed, so the kiosk never uploads them.</summary>
public sealed class LiveConfirmationTests : IClassFixture<MediaHubFixture>
{
    private const string Kiosk = "14-04171";
    private readonly MediaHubFixture _fixture;

    public LiveConfirmationTests(MediaHubFixture fixture) => _fixture = fixture;

    private SegmentUploadService Service => _fixture.Hub.Get<SegmentUploadService>();

    [Fact]
    public async Task A_live_segment_is_listed_confirmed_and_a_kiosk_patch_of_it_answers_200()
    {
        using var kiosk = new MediaKiosk(_fixture.Hub, Kiosk);
        var session = await kiosk.DeclareAsync();
        var data = MediaKiosk.RandomSegment(120_000);

        using (var partial = await kiosk.PatchAsync(session, 4, data, 0, 10_000))
        {
            Assert.Equal(HttpStatusCode.NoContent, partial.StatusCode);
        }

        Assert.Equal(LiveConfirmation.Confirmed, await Service.ConfirmLiveSegmentAsync(Kiosk, session, 4, new MemoryStream(data), MediaKiosk.Sha(data), 0, 6000, CancellationToken.None));
        Assert.Equal(LiveConfirmation.AlreadyConfirmed, await Service.ConfirmLiveSegmentAsync(Kiosk, session, 4, new MemoryStream(data), MediaKiosk.Sha(data), 0, 6000, CancellationToken.None));

        var listed = Assert.Single((await kiosk.ListAsync(session)).Segments);
        Assert.Equal((4, MediaKiosk.Sha(data), (long)data.Length), (listed.Sequence, listed.Sha256, listed.Bytes));
        using var resumed = await kiosk.PatchAsync(session, 4, data, 10_000, data.Length - 10_000);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(SegmentSources.Live, _fixture.Hub.Get<MediaArchiveStore>().FindSegment(new SegmentKey(Kiosk, session, 4))!.Source);
    }

    [Fact]
    public async Task A_live_segment_that_fails_its_hash_is_refused_and_not_listed()
    {
        using var kiosk = new MediaKiosk(_fixture.Hub, Kiosk);
        var session = await kiosk.DeclareAsync();
        var data = MediaKiosk.RandomSegment(1000);

        await Assert.ThrowsAsync<InvalidDataException>(() =>
            Service.ConfirmLiveSegmentAsync(Kiosk, session, 0, new MemoryStream(data), MediaKiosk.Sha([1, 2, 3]), 0, 6000, CancellationToken.None));

        Assert.Empty((await kiosk.ListAsync(session)).Segments);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Service.ConfirmLiveSegmentAsync("14-04172", session, 0, new MemoryStream(data), MediaKiosk.Sha(data), 0, 6000, CancellationToken.None));
    }

    [Fact]
    public async Task A_live_segment_of_an_undeclared_session_declares_it_for_its_kiosk()
    {
        using var kiosk = new MediaKiosk(_fixture.Hub, Kiosk);
        var session = TiepCongDan.Contracts.Media.MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow);
        var data = MediaKiosk.RandomSegment(1000);

        await Service.ConfirmLiveSegmentAsync(Kiosk, session, 0, new MemoryStream(data), MediaKiosk.Sha(data), 0, 6000, CancellationToken.None);

        Assert.Equal(0, Assert.Single((await kiosk.ListAsync(session)).Segments).Sequence);
    }
}
