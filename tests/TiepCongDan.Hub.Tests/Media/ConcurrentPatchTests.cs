using System.Net;

namespace TiepCongDan.Hub.Tests.Media;

/// <summary>Two kiosk processes (e.g. after a restart) racing on one segment must not corrupt it.</summary>
public sealed class ConcurrentPatchTests : IClassFixture<MediaHubFixture>
{
    private const string Kiosk = "14-04171";
    private readonly MediaHubFixture _fixture;

    public ConcurrentPatchTests(MediaHubFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Concurrent_patches_of_the_same_segment_leave_one_valid_confirmed_segment()
    {
        using var kiosk = new MediaKiosk(_fixture.Hub, Kiosk);
        var session = await kiosk.DeclareAsync();
        var data = MediaKiosk.RandomSegment(2_000_000);

        var attempts = Enumerable.Range(0, 6).Select(async _ =>
        {
            using var response = await kiosk.PatchAsync(session, 0, data, 0, data.Length);
            return response.StatusCode;
        }).ToList();
        var statuses = await Task.WhenAll(attempts);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(statuses.Length - 1, statuses.Count(s => s == HttpStatusCode.OK));
        var path = Path.Combine(_fixture.Hub.DataDirectory, "archive", Kiosk, session, "000000.ts");
        Assert.Equal(MediaKiosk.Sha(data), MediaKiosk.Sha(await File.ReadAllBytesAsync(path)));
        Assert.Equal(MediaKiosk.Sha(data), Assert.Single((await kiosk.ListAsync(session)).Segments).Sha256);
    }
}
