using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Hub.Archive;
using TiepCongDan.Hub.Reception;
using TiepCongDan.Hub.Tests.Archive;
using TiepCongDan.Hub.Tests.Infrastructure;
using TiepCongDan.Hub.Tests.Media;

namespace TiepCongDan.Hub.Tests.Reception;

/// <summary>The register's privacy (encrypted at rest, roles, audit, retention), its link to the sealed archive, and its metrics.</summary>
public sealed class ReceptionRegisterTests : IClassFixture<MediaHubFixture>
{
    private const string Kiosk = "14-04185";
    private static readonly long OldStartMs = new DateTimeOffset(2012, 5, 1, 2, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private readonly MediaHubFixture _fixture;

    public ReceptionRegisterTests(MediaHubFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task The_citizen_is_nowhere_in_the_database_files_in_clear_and_the_key_file_is_0600()
    {
        var hub = _fixture.Hub;
        using var kiosk = new ReceptionKiosk(hub, Kiosk);
        var session = kiosk.NewSessionId();
        await kiosk.SendAsync(kiosk.FullSession(session));
        Assert.Equal(ReceptionKiosk.Citizen, hub.Get<ReceptionRegister>().Citizen(hub.Get<ReceptionRegister>().Find(session)!));

        var files = Directory.GetFiles(hub.DataDirectory, "hub.db*");
        Assert.Contains(files, f => f.EndsWith("hub.db", StringComparison.Ordinal));
        var c = ReceptionKiosk.Citizen;
        foreach (var file in files)
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                await stream.CopyToAsync(copy);
                bytes = copy.ToArray();
            }

            foreach (var secret in new[] { c.IdNumber, c.FullName, c.PlaceOfResidence, c.DateOfBirth })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{Path.GetFileName(file)} holds a citizen field in clear");
            }
        }

        var key = Path.Combine(hub.DataDirectory, "keys", CitizenProtector.DefaultFileName);
        Assert.Equal(32, new FileInfo(key).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }

        Assert.DoesNotContain(hub.Logs.Lines, l => l.Contains(c.IdNumber, StringComparison.Ordinal) || l.Contains(c.FullName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_before_the_media_the_final_manifest_carries_the_case_kind_staff_and_an_hmac_citizen_ref()
    {
        var hub = _fixture.Hub;
        using var kiosk = new ReceptionKiosk(hub, Kiosk);
        var session = kiosk.NewSessionId();
        await kiosk.SendAsync(kiosk.FullSession(session));
        await UploadMediaAsync(hub, Kiosk, session);

        var expectedRef = hub.Get<CitizenProtector>().Reference(ReceptionKiosk.Citizen.IdNumber);
        Assert.Matches("^hmac:[0-9a-f]{64}$", expectedRef);
        var manifest = Path.Combine(ArchivedSessions.Directory(hub, Kiosk, session), ArchiveLayout.ManifestFile);
        await Eventually.True(() => File.Exists(manifest) && File.ReadAllText(manifest).Contains(expectedRef, StringComparison.Ordinal)
            && File.ReadAllText(manifest).Contains("\"caseKind\": \"complaint\"", StringComparison.Ordinal), "the sealed manifest to carry the reception's metadata", 30_000);
        var text = await File.ReadAllTextAsync(manifest);
        Assert.Contains(ReceptionKiosk.Staff, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ReceptionKiosk.Citizen.IdNumber, text, StringComparison.Ordinal);
        Assert.True((await ArchivedSessions.VerifyAsync(hub.Http, session)).Intact);

        var archived = hub.Get<SessionArchive>().Catalog.Find(session)!;
        Assert.Equal(CaseKinds.Complaint, archived.CaseKind);
        Assert.Equal(expectedRef, archived.CitizenRef);

        var detail = await ReceptionIngestTests.DetailAsync(hub.Http, session);
        Assert.Equal(session, detail.GetProperty("archiveReference").GetString());
        await Eventually.True(() => hub.Get<SessionArchive>().Catalog.Find(session)!.ManifestVersion > 0, "the seal");
        Assert.True((await ReceptionIngestTests.DetailAsync(hub.Http, session)).GetProperty("archiveSealed").GetBoolean());
    }

    [Fact]
    public async Task Events_after_the_seal_re_sign_the_manifest_with_the_case_kind_and_citizen_ref()
    {
        var hub = _fixture.Hub;
        var session = await ArchivedSessions.UploadSealedAsync(hub, Kiosk);
        using var kiosk = new ReceptionKiosk(hub, Kiosk);
        var citizen = ReceptionKiosk.Citizen with { IdNumber = "079188004321" };
        await kiosk.SendAsync(kiosk.FullSession(session, citizen: citizen));

        var expectedRef = hub.Get<CitizenProtector>().Reference(citizen.IdNumber);
        Assert.NotEqual(hub.Get<CitizenProtector>().Reference(ReceptionKiosk.Citizen.IdNumber), expectedRef);
        await Eventually.True(() => hub.Get<SessionArchive>().Catalog.Find(session) is { ManifestVersion: 2, CaseKind: CaseKinds.Complaint } row && row.CitizenRef == expectedRef,
            "the archive to re-sign with the reception's metadata", 20_000);
        var manifest = await File.ReadAllTextAsync(Path.Combine(ArchivedSessions.Directory(hub, Kiosk, session), ArchiveLayout.ManifestFile));
        Assert.Contains(expectedRef, manifest, StringComparison.Ordinal);
        Assert.True((await ArchivedSessions.VerifyAsync(hub.Http, session)).Intact);
    }

    [Fact]
    public async Task A_viewer_sees_the_masked_id_an_operator_the_full_citizen_and_each_full_read_is_audited()
    {
        var hub = _fixture.Hub;
        using var kiosk = new ReceptionKiosk(hub, Kiosk);
        var session = kiosk.NewSessionId();
        await kiosk.SendAsync(kiosk.FullSession(session));
        using var viewer = await ArchivedSessions.UserAsync(hub, "viewer");
        using var operatorClient = await ArchivedSessions.UserAsync(hub, "operator");

        var seen = await ReceptionIngestTests.DetailAsync(viewer, session);
        var masked = seen.GetProperty("citizen");
        Assert.Equal("001******345", masked.GetProperty("idNumber").GetString());
        Assert.Equal(JsonValueKind.Null, masked.GetProperty("dateOfBirth").ValueKind);
        Assert.Equal(JsonValueKind.Null, masked.GetProperty("placeOfResidence").ValueKind);
        Assert.False(masked.GetProperty("full").GetBoolean());
        Assert.DoesNotContain(ReceptionKiosk.Citizen.IdNumber, seen.GetRawText(), StringComparison.Ordinal);
        var register = hub.Get<ReceptionRegister>();
        Assert.Empty(register.CitizenReads(session));

        var full = (await ReceptionIngestTests.DetailAsync(operatorClient, session)).GetProperty("citizen");
        Assert.Equal(ReceptionKiosk.Citizen.IdNumber, full.GetProperty("idNumber").GetString());
        Assert.Equal(ReceptionKiosk.Citizen.DateOfBirth, full.GetProperty("dateOfBirth").GetString());
        Assert.Equal(ReceptionKiosk.Citizen.Sex, full.GetProperty("sex").GetString());
        Assert.Equal(ReceptionKiosk.Citizen.Authenticity, full.GetProperty("authenticity").GetString());
        Assert.Equal(ReceptionKiosk.Citizen.Source, full.GetProperty("source").GetString());

        var read = Assert.Single(register.CitizenReads(session));
        Assert.StartsWith("operator-", read.User, StringComparison.Ordinal);
        Assert.True(hub.Logs.Contains($"user {read.User} read the full citizen of reception session {session}"));

        using (var anonymous = await hub.Anonymous.GetAsync($"api/reception/sessions/{session}"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var unknown = await viewer.GetAsync($"api/reception/sessions/{MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow)}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        // The kiosk's own credentials do not read the register.
        using (var asKiosk = await kiosk.Http.GetAsync($"api/reception/sessions/{session}"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, asKiosk.StatusCode);
        }
    }

    [Fact]
    public async Task The_list_filters_by_kiosk_and_time_and_limit()
    {
        var hub = _fixture.Hub;
        using var kiosk = new ReceptionKiosk(hub, "14-04186");
        var early = kiosk.NewSessionId();
        var late = kiosk.NewSessionId();
        var day = new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        await kiosk.SendAsync(kiosk.FullSession(early, startMs: day));
        await kiosk.SendAsync(kiosk.FullSession(late, startMs: day + 86_400_000));

        var both = await hub.Http.GetFromJsonAsync<JsonElement>("api/reception/sessions?kiosk=14-04186");
        Assert.Equal([late, early], both.EnumerateArray().Select(l => l.GetProperty("sessionId").GetString()));
        var first = await hub.Http.GetFromJsonAsync<JsonElement>("api/reception/sessions?kiosk=14-04186&from=2026-03-10&to=2026-03-10");
        Assert.Equal([early], first.EnumerateArray().Select(l => l.GetProperty("sessionId").GetString()));
        var limited = await hub.Http.GetFromJsonAsync<JsonElement>("api/reception/sessions?kiosk=14-04186&limit=1");
        Assert.Equal([late], limited.EnumerateArray().Select(l => l.GetProperty("sessionId").GetString()));
        using var bad = await hub.Http.GetAsync("api/reception/sessions?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Metrics_show_sessions_by_outcome_and_both_times_to_live()
    {
        var hub = _fixture.Hub;
        using var kiosk = new ReceptionKiosk(hub, Kiosk);
        await kiosk.SendAsync(kiosk.FullSession(kiosk.NewSessionId()));
        var cancelled = kiosk.NewSessionId();
        await kiosk.SendAsync(
        [
            new ReceptionEvent(cancelled, 1, Kiosk, 1_763_866_260_000, "Idle", "CitizenPresent", ReceptionTriggers.StaffPress),
            new ReceptionEvent(cancelled, 2, Kiosk, 1_763_866_262_000, "CitizenPresent", "Idle", ReceptionTriggers.StaffLongPress, Outcome: SessionOutcomes.Cancelled),
        ]);

        var metrics = hub.Get<ReceptionMetrics>();
        var text = await hub.Anonymous.GetStringAsync("/metrics");
        Assert.Contains("# TYPE tcd_hub_reception_sessions_total counter", text, StringComparison.Ordinal);
        Assert.Contains($"tcd_hub_reception_sessions_total{{outcome=\"completed\"}} {metrics.Sessions.Get(SessionOutcomes.Completed)}", text, StringComparison.Ordinal);
        Assert.Contains($"tcd_hub_reception_sessions_total{{outcome=\"cancelled\"}} {metrics.Sessions.Get(SessionOutcomes.Cancelled)}", text, StringComparison.Ordinal);
        Assert.True(metrics.Sessions.Get(SessionOutcomes.Cancelled) >= 1);
        Assert.Contains("# TYPE tcd_hub_reception_card_to_live_ms histogram", text, StringComparison.Ordinal);
        Assert.Contains($"tcd_hub_reception_card_to_live_ms_count {metrics.CardToLive.Count.ToString(CultureInfo.InvariantCulture)}", text, StringComparison.Ordinal);
        Assert.Contains("tcd_hub_reception_card_to_live_ms_bucket{le=\"8000\"}", text, StringComparison.Ordinal);
        Assert.Contains($"tcd_hub_reception_button_to_live_ms_count {metrics.ButtonToLive.Count.ToString(CultureInfo.InvariantCulture)}", text, StringComparison.Ordinal);
        Assert.True(metrics.ButtonToLive.Count >= 1);

        // The hub's own series are still there, once.
        Assert.Single(text.Split('\n'), l => l.StartsWith("# TYPE tcd_hub_kiosks_known ", StringComparison.Ordinal));
        Assert.Single(text.Split('\n'), l => l.StartsWith("# TYPE tcd_hub_reception_sessions_total ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retention_wipes_old_citizens_but_not_under_legal_hold_and_keeps_the_record()
    {
        var hub = _fixture.Hub;
        using var kiosk = new ReceptionKiosk(hub, Kiosk);
        var old = kiosk.NewSessionId();
        var held = kiosk.NewSessionId();
        var recent = kiosk.NewSessionId();
        await kiosk.SendAsync(kiosk.FullSession(old, startMs: OldStartMs));
        await kiosk.SendAsync(kiosk.FullSession(held, startMs: OldStartMs));
        await kiosk.SendAsync(kiosk.FullSession(recent));
        using (var media = new MediaKiosk(hub, Kiosk))
        using (var declared = await media.PutAsync(held, new SessionDeclaration(Kiosk, OldStartMs, null, null)))
        {
            Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        }

        hub.Get<SessionArchive>().SetLegalHold(held, true, "test");

        var wiped = hub.Get<ReceptionRetentionService>().WipeExpired();
        Assert.Contains(old, wiped);
        Assert.DoesNotContain(held, wiped);
        Assert.DoesNotContain(recent, wiped);

        var register = hub.Get<ReceptionRegister>();
        var oldRow = register.Find(old)!;
        Assert.Null(register.Citizen(oldRow));
        Assert.Equal(SessionOutcomes.Completed, oldRow.Outcome);
        Assert.Equal(SessionRatings.VerySatisfied, oldRow.Rating);
        Assert.NotNull(register.Citizen(register.Find(held)!));
        Assert.NotNull(register.Citizen(register.Find(recent)!));
        var detail = await ReceptionIngestTests.DetailAsync(hub.Http, old);
        Assert.True(detail.GetProperty("citizenWiped").GetBoolean());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("citizen").ValueKind);

        // A resend of the identification after the wipe does not bring the citizen back.
        var receipt = await kiosk.SendAsync(kiosk.FullSession(old, startMs: OldStartMs));
        Assert.Equal(7, receipt.Duplicates);
        Assert.Null(register.Citizen(register.Find(old)!));
    }

    private static async Task UploadMediaAsync(TestHub hub, string kioskId, string sessionId)
    {
        var segments = await TsSegments.GetAsync();
        using var kiosk = new MediaKiosk(hub, kioskId);
        using (var declared = await kiosk.PutAsync(sessionId, new SessionDeclaration(kioskId, ArchivedSessions.StartedAtMs, null, null)))
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

        await ArchivedSessions.DeclareEndAsync(hub, kioskId, sessionId);
    }
}
