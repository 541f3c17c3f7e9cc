using System.Net;
using System.Net.Http.Json;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Media;

/// <summary>Who may touch what, and what the hub answers to malformed uploads.</summary>
public sealed class SegmentUploadRefusalTests : IClassFixture<MediaHubFixture>
{
    private const string Owner = "14-04171";
    private const string Other = "14-04172";
    private readonly MediaHubFixture _fixture;

    public SegmentUploadRefusalTests(MediaHubFixture fixture) => _fixture = fixture;

    private TestHub Hub => _fixture.Hub;

    [Fact]
    public async Task Without_or_with_wrong_credentials_401_with_a_challenge_and_no_user_login_noise()
    {
        using var owner = new MediaKiosk(Hub, Owner);
        var session = await owner.DeclareAsync();
        using var wrong = new MediaKiosk(Hub, Owner, "not-the-password");
        using var admin = new MediaKiosk(Hub, "admin", TestHub.AdminPassword);
        var anonymous = await Hub.Anonymous.GetAsync(SegmentUploadProtocol.Segments(session));
        var badPassword = await wrong.Http.GetAsync(SegmentUploadProtocol.Segments(session));
        var user = await admin.Http.GetAsync(SegmentUploadProtocol.Segments(session));

        foreach (var response in new[] { anonymous, badPassword, user })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            response.Dispose();
        }

        // The kiosk scheme handles media paths; the user table is never asked about kiosk ids.
        Assert.False(Hub.Logs.Contains("Failed login for user " + Owner));
        Assert.True(Hub.Logs.Contains("Media API refused kiosk " + Owner));
    }

    [Fact]
    public async Task Another_kiosk_can_neither_read_nor_write_nor_redeclare_a_session()
    {
        using var owner = new MediaKiosk(Hub, Owner);
        using var other = new MediaKiosk(Hub, Other);
        var session = await owner.DeclareAsync();
        var data = MediaKiosk.RandomSegment(10_000);
        using (var upload = await owner.PatchAsync(session, 0, data, 0, 5_000))
        {
            Assert.Equal(HttpStatusCode.NoContent, upload.StatusCode);
        }

        using var list = await other.Http.GetAsync(SegmentUploadProtocol.Segments(session));
        using var head = await other.HeadAsync(session, 0);
        using var patch = await other.PatchAsync(session, 0, data, 5_000, 5_000);
        using var put = await other.PutAsync(session, new SessionDeclaration(Other, 1_763_866_260_000, null, null));
        using var claim = await other.PutAsync(session, new SessionDeclaration(Owner, 1_763_866_260_000, null, null));

        Assert.All(new[] { list, head, patch, put, claim }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        using var ownHead = await owner.HeadAsync(session, 0);
        Assert.Equal(5_000, MediaKiosk.Offset(ownHead));
    }

    [Fact]
    public async Task A_revoked_kiosk_with_its_right_password_gets_403()
    {
        using var revoked = new MediaKiosk(Hub, MediaHubFixture.RevokedKiosk);
        var session = MediaSessionId.New(MediaHubFixture.RevokedKiosk, DateTimeOffset.UtcNow);

        using var response = await revoked.PutAsync(session, new SessionDeclaration(MediaHubFixture.RevokedKiosk, 1_763_866_260_000, null, null));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(Hub.Get<TiepCongDan.Hub.Media.MediaArchiveStore>().FindSession(session));
    }

    [Fact]
    public async Task Undeclared_sessions_answer_404()
    {
        using var kiosk = new MediaKiosk(Hub, Owner);
        var session = MediaSessionId.New(Owner, DateTimeOffset.UtcNow);
        var data = MediaKiosk.RandomSegment(1000);

        using var list = await kiosk.Http.GetAsync(SegmentUploadProtocol.Segments(session));
        using var head = await kiosk.HeadAsync(session, 0);
        using var patch = await kiosk.PatchAsync(session, 0, data, 0, data.Length);

        Assert.All(new[] { list, head, patch }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Fact]
    public async Task Oversize_uploads_answer_413()
    {
        using var kiosk = new MediaKiosk(Hub, Owner);
        var session = await kiosk.DeclareAsync();
        var data = MediaKiosk.RandomSegment(1000);
        var huge = new Dictionary<string, string?> { [SegmentUploadProtocol.UploadLengthHeader] = (SegmentUploadProtocol.MaxSegmentBytes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var short_ = new Dictionary<string, string?> { [SegmentUploadProtocol.UploadLengthHeader] = "500" };

        using var overMax = await kiosk.PatchAsync(session, 0, data, 0, data.Length, huge);
        using var overLength = await kiosk.PatchAsync(session, 0, data, 0, data.Length, short_);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overMax.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overLength.StatusCode);
        using var head = await kiosk.HeadAsync(session, 0);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Theory]
    [InlineData("Upload-Offset", null)]
    [InlineData("Upload-Offset", "-5")]
    [InlineData("Upload-Offset", "abc")]
    [InlineData("Upload-Length", null)]
    [InlineData("Upload-Length", "-1")]
    [InlineData("X-Tcd-Segment-Sha256", "zz")]
    [InlineData("X-Tcd-Segment-Sha256", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg")]
    [InlineData("X-Tcd-Segment-Sha256", null)]
    [InlineData("X-Tcd-Segment-Start-Pts", "-1")]
    [InlineData("X-Tcd-Segment-Duration-Ms", "six")]
    public async Task Missing_or_garbage_headers_answer_400_with_a_json_error(string header, string? value)
    {
        using var kiosk = new MediaKiosk(Hub, Owner);
        var session = await kiosk.DeclareAsync();
        var data = MediaKiosk.RandomSegment(1000);

        using var response = await kiosk.PatchAsync(session, 0, data, 0, data.Length, new Dictionary<string, string?> { [header] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        Assert.Contains(header, body!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_session_ids_sequences_and_declarations_answer_400()
    {
        using var kiosk = new MediaKiosk(Hub, Owner);
        var session = await kiosk.DeclareAsync();
        var data = MediaKiosk.RandomSegment(100);

        using var badId = await kiosk.PutAsync("x", new SessionDeclaration(Owner, 1_763_866_260_000, null, null));
        using var badStart = await kiosk.PutAsync(MediaSessionId.New(Owner, DateTimeOffset.UtcNow), new SessionDeclaration(Owner, 0, null, null));
        using var notJson = await kiosk.Http.PutAsync(SegmentUploadProtocol.Session(MediaSessionId.New(Owner, DateTimeOffset.UtcNow)),
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        using var badSequence = await kiosk.PatchAsync(session, 0, data, 0, data.Length, sequenceText: "-1");
        using var garbageSequence = await kiosk.PatchAsync(session, 0, data, 0, data.Length, sequenceText: "abc");

        Assert.All(new[] { badId, badStart, notJson, badSequence, garbageSequence }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
    }
}
