using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Hub.Reception;
using TiepCongDan.Hub.Reports;
using TiepCongDan.Hub.Storage;
using TiepCongDan.Hub.Tests.Archive;
using TiepCongDan.Hub.Tests.Infrastructure;
using TiepCongDan.Hub.Tests.Reception;

namespace TiepCongDan.Hub.Tests.Reports;

/// <summary>
/// The service report and the register export over seeded data: sessions sent by two kiosks in
/// two provinces through the kiosk API, and fleet history rows; every figure is computed again
/// here, independently, from the seed.
/// </summary>
public sealed class ServiceReportTests : IAsyncLifetime
{
    private const string HaGiang = "14-04171";
    private const string HaNoi = "01-00004";
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // Monday 16 November 2026 and the next days; reception hours 07:30-11:30 and 13:30-17:00, Monday to Friday.
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 0, 0, 0, Vietnam);
    private TestHub _hub = null!;

    public async Task InitializeAsync() => _hub = await TestHub.StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Availability_sessions_card_to_live_satisfaction_and_archive_completeness_match_an_independent_count()
    {
        // Hà Giang: 10 sessions; card-to-live 1000, 2000 ... 10000 ms; ratings: 9 satisfied or very, 1 dissatisfied; one never went live.
        using var haGiang = new ReceptionKiosk(_hub, HaGiang);
        var ratings = new[]
        {
            SessionRatings.VerySatisfied, SessionRatings.Satisfied, SessionRatings.VerySatisfied, SessionRatings.Satisfied, SessionRatings.VerySatisfied,
            SessionRatings.Satisfied, SessionRatings.VerySatisfied, SessionRatings.Satisfied, SessionRatings.VerySatisfied, SessionRatings.Dissatisfied,
        };
        for (var i = 0; i < 10; i++)
        {
            var start = Monday.AddHours(8).AddMinutes(10 * i);
            await haGiang.SendAsync(Session(haGiang, start, cardToLiveMs: 1000 * (i + 1), ratings[i]));
        }

        var notLive = Monday.AddDays(1).AddHours(9);
        await haGiang.SendAsync(haGiang.FullSession(MediaSessionId.New(HaGiang, notLive), notLive.ToUnixTimeMilliseconds()).Take(3));

        // Hà Nội: 2 sessions, both neutral, on Wednesday.
        using var haNoi = new ReceptionKiosk(_hub, HaNoi);
        for (var i = 0; i < 2; i++)
        {
            var start = Monday.AddDays(2).AddHours(14).AddMinutes(20 * i);
            await haNoi.SendAsync(Session(haNoi, start, cardToLiveMs: 700, SessionRatings.Neutral));
        }

        // History: Hà Giang online every minute Monday 08:00-10:00 (120 rows, 30 of them unhealthy), plus 60 rows at night (outside hours).
        var rows = new List<HistoryRow>();
        for (var m = 0; m < 120; m++)
        {
            rows.Add(new HistoryRow { KioskId = HaGiang, TimestampMs = Monday.AddHours(8).AddMinutes(m).ToUnixTimeMilliseconds(), Online = true, Healthy = m >= 30 });
        }

        for (var m = 0; m < 60; m++)
        {
            rows.Add(new HistoryRow { KioskId = HaGiang, TimestampMs = Monday.AddHours(21).AddMinutes(m).ToUnixTimeMilliseconds(), Online = true, Healthy = true });
        }

        _hub.Get<HubDatabase>().RunInTransaction(c => c.InsertAll(rows, runInTransaction: false));

        // The period: Monday to Sunday = 5 reception days x 7.5 h.
        using var response = await _hub.Http.GetAsync("api/reports/service?from=2026-11-16&to=2026-11-22");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var report = JsonSerializer.Deserialize<ServiceReport>(body, Web)!;
        var byProvince = report.Lines.ToDictionary(l => l.Province);

        var hg = byProvince["14"];
        const double hours = 5 * 7.5;
        Assert.Equal(hours, hg.ReceptionHours);
        Assert.Equal(Math.Round(100.0 * (90 * 60) / (hours * 3600), 1), hg.AvailabilityPercent);
        Assert.Equal(11, hg.SessionsStarted);
        Assert.Equal(10, hg.SessionsHeld);
        Assert.Equal(5500, hg.CardToLiveAverageMs);
        Assert.Equal(10000, hg.CardToLiveP95Ms); // nearest rank: ceil(0.95 x 10) = 10th
        Assert.Equal((10, 9, 90.0), (hg.Rated, hg.Satisfied, hg.SatisfactionPercent));
        Assert.Equal((0, 0.0), (hg.ArchiveComplete, hg.ArchiveCompletePercent)); // no media was uploaded

        var hn = byProvince["01"];
        Assert.Equal((2, 2, 700.0, 700L), (hn.SessionsStarted, hn.SessionsHeld, hn.CardToLiveAverageMs!.Value, hn.CardToLiveP95Ms!.Value));
        Assert.Equal((2, 0, 0.0), (hn.Rated, hn.Satisfied, hn.SatisfactionPercent));
        Assert.Equal(0.0, hn.AvailabilityPercent);

        Assert.Equal((13, 12, 12, 9), (report.Total.SessionsStarted, report.Total.SessionsHeld, report.Total.Rated, report.Total.Satisfied));
        Assert.Equal(75.0, report.Total.SatisfactionPercent);

        // A period outside the seed is empty, not an error.
        var empty = await _hub.Http.GetFromJsonAsync<ServiceReport>("api/reports/service?from=2026-10-01&to=2026-10-31", Web);
        Assert.Equal(0, empty!.Total.SessionsStarted);

        // By commune, CSV with its Vietnamese header, and the printable page.
        var csv = await _hub.Http.GetByteArrayAsync("api/reports/service?from=2026-11-16&to=2026-11-22&by=commune&format=csv");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Tỉnh,Xã,Số điểm cầu", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("14,04171,1,37.5,", StringComparison.Ordinal));
        Assert.Equal(4, lines.Length); // header, two communes, total
        var page = await _hub.Http.GetStringAsync("reports/service?from=2026-11-16&to=2026-11-22");
        Assert.Contains("Báo cáo tiếp công dân trực tuyến", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"target\">90</td>", page, StringComparison.Ordinal);

        // Bad periods get a sentence.
        using var bad = await _hub.Http.GetAsync("api/reports/service?from=2026-11-22&to=2026-11-16");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'from' and 'to'", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_export_has_every_entry_with_the_whole_id_for_admins_only_and_each_export_is_audited()
    {
        using var kiosk = new ReceptionKiosk(_hub, HaGiang);
        var start = Monday.AddDays(3).AddHours(9);
        var session = MediaSessionId.New(HaGiang, start);
        await kiosk.SendAsync(kiosk.FullSession(session, start.ToUnixTimeMilliseconds()));
        var citizen = ReceptionKiosk.Citizen;

        var admin = await _hub.Http.GetFromJsonAsync<List<RegisterExportEntry>>("api/reception/export?from=2026-11-19&to=2026-11-19", Web);
        var entry = Assert.Single(admin!);
        Assert.Equal((session, citizen.IdNumber, false, citizen.FullName, citizen.PlaceOfResidence), (entry.SessionId, entry.IdNumber, entry.IdNumberMasked, entry.CitizenName, entry.Address));
        Assert.Equal((CaseKinds.Complaint, "Khiếu nại", SessionOutcomes.Completed, ReceptionKiosk.Staff), (entry.CaseKind, entry.CaseKindName, entry.Outcome, entry.ReceivingAgency));
        Assert.Equal("2026-11-19T09:00:00+07:00", entry.Date);

        using var operatorClient = await ArchivedSessions.UserAsync(_hub, "operator");
        var masked = Assert.Single((await operatorClient.GetFromJsonAsync<List<RegisterExportEntry>>("api/reception/export?from=2026-11-19&to=2026-11-19", Web))!);
        Assert.Equal((ReceptionCitizen.Mask(citizen.IdNumber), true), (masked.IdNumber, masked.IdNumberMasked));

        var csv = Encoding.UTF8.GetString(await operatorClient.GetByteArrayAsync("api/reception/export?from=2026-11-19&to=2026-11-19&format=csv"));
        Assert.Contains(ReceptionCitizen.Mask(citizen.IdNumber), csv, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.IdNumber, csv, StringComparison.Ordinal);
        Assert.Contains("Số định danh", csv, StringComparison.Ordinal);

        using var viewer = await ArchivedSessions.UserAsync(_hub, "viewer");
        using (var refused = await viewer.GetAsync("api/reception/export?from=2026-11-19&to=2026-11-19"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var reads = _hub.Get<ReceptionRegister>().CitizenReads(session);
        Assert.Contains(reads, r => r.User == "admin");
        Assert.Contains(reads, r => r.User.StartsWith("operator-", StringComparison.Ordinal));
    }

    private static List<ReceptionEvent> Session(ReceptionKiosk kiosk, DateTimeOffset start, long cardToLiveMs, string rating)
    {
        var events = kiosk.FullSession(MediaSessionId.New(kiosk.KioskId, start), start.ToUnixTimeMilliseconds());
        events[3] = events[3] with { CardToLiveMs = cardToLiveMs };
        events[6] = events[6] with { Rating = rating };
        return events;
    }
}
