using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Archive;
using TiepCongDan.Hub.Tests.Infrastructure;
using TiepCongDan.Hub.Tests.Media;

namespace TiepCongDan.Hub.Tests.Archive;

/// <summary>Builds archived sessions through the hub's real kiosk upload API and finds their files.</summary>
public static class ArchivedSessions
{
    public const long StartedAtMs = 1_763_866_260_000;

    /// <summary>Declares a session, uploads the real TS segments, declares its end and waits until it is sealed.</summary>
    public static async Task<string> UploadSealedAsync(TestHub hub, string kioskId, long startedAtMs = StartedAtMs)
    {
        var sessionId = await UploadAsync(hub, kioskId, startedAtMs);
        await DeclareEndAsync(hub, kioskId, sessionId, startedAtMs);

        // The background pass seals within 2 s; waiting on the file keeps the test honest about that path.
        var manifest = Path.Combine(Directory(hub, kioskId, sessionId), ArchiveLayout.ManifestFile);
        await Eventually.True(() => File.Exists(manifest) && File.Exists(Path.ChangeExtension(manifest, ".sig")), $"session {sessionId} to be sealed", 20_000);
        await Eventually.True(() => hub.Get<SessionArchive>().Catalog.Find(sessionId)?.ManifestVersion == 1, "the seal to be recorded", 10_000);
        return sessionId;
    }

    /// <summary>Declares a session and uploads every segment, without declaring its end.</summary>
    public static async Task<string> UploadAsync(TestHub hub, string kioskId, long startedAtMs = StartedAtMs)
    {
        var segments = await TsSegments.GetAsync();
        using var kiosk = new MediaKiosk(hub, kioskId);
        var sessionId = MediaSessionId.New(kioskId, DateTimeOffset.UtcNow);
        using (var declared = await kiosk.PutAsync(sessionId, new SessionDeclaration(kioskId, startedAtMs, null, null)))
        {
            Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        }

        for (var i = 0; i < segments.Count; i++)
        {
            var overrides = new Dictionary<string, string?>
            {
                [SegmentUploadProtocol.StartPtsHeader] = (126_000 + (i * 180_000)).ToString(CultureInfo.InvariantCulture),
                [SegmentUploadProtocol.DurationMsHeader] = TsSegments.SegmentMs.ToString(CultureInfo.InvariantCulture),
            };
            using var patched = await kiosk.PatchAsync(sessionId, i, segments[i], 0, segments[i].Length, overrides);
            Assert.Equal(HttpStatusCode.Created, patched.StatusCode);
        }

        return sessionId;
    }

    /// <summary>The kiosk declares the session ended with all its segments.</summary>
    public static async Task DeclareEndAsync(TestHub hub, string kioskId, string sessionId, long startedAtMs = StartedAtMs)
    {
        using var kiosk = new MediaKiosk(hub, kioskId);
        using var ended = await kiosk.PutAsync(sessionId, new SessionDeclaration(kioskId, startedAtMs, startedAtMs + 6_000, TsSegments.Count));
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
    }

    public static string Directory(TestHub hub, string kioskId, string sessionId) => Path.Combine(hub.DataDirectory, "archive", kioskId, sessionId);

    public static string Segment(TestHub hub, string kioskId, string sessionId, int sequence) =>
        Path.Combine(Directory(hub, kioskId, sessionId), ArchiveLayout.SegmentFileName(sequence));

    public static async Task<VerifyReportDto> VerifyAsync(HttpClient http, string sessionId)
    {
        using var response = await http.GetAsync($"api/sessions/{sessionId}/verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<VerifyReportDto>())!;
    }

    /// <summary>Creates a hub user with a role and returns a client signed in as them.</summary>
    public static async Task<HttpClient> UserAsync(TestHub hub, string role)
    {
        var name = role + "-" + Guid.NewGuid().ToString("N")[..6];
        const string password = "mat-khau-thu-nghiem-1";
        using var created = await hub.Http.PostAsJsonAsync("api/users", new { username = name, password, role });
        Assert.True(created.IsSuccessStatusCode, $"creating {role}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        return hub.Client(name, password);
    }
}
