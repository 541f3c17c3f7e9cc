using System.Net;
using System.Net.Http.Json;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Reception;

/// <summary>A kiosk sending reception events to the real hub by hand, and the made-up session it runs.</summary>
public sealed class ReceptionKiosk : IDisposable
{
    public const string Staff = "Trần Văn Cán Bộ";

    public static readonly ReceptionCitizen Citizen = new(
        "001099012345", "Nguyễn Thị Thử Nghiệm", "1950-03-15", "Nữ", "Thôn Đông Thử, xã Thử Nghiệm, tỉnh Hà Thử", "simulated", "simulated");

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public ReceptionKiosk(TestHub hub, string kioskId, string? password = null)
    {
        KioskId = kioskId;
        Http = hub.Client(kioskId, password ?? hub.KioskPassword(kioskId));
    }

    public string KioskId { get; }

    public HttpClient Http { get; }

    public string NewSessionId() => MediaSessionId.New(KioskId, DateTimeOffset.UtcNow);

    /// <summary>Idle to rating and back: card, identified, case kind, live, staff long-press, ended, rated.</summary>
    public List<ReceptionEvent> FullSession(string sessionId, long startMs = 1_763_866_260_000, ReceptionCitizen? citizen = null) =>
    [
        new(sessionId, 1, KioskId, startMs, "Idle", "CitizenPresent", ReceptionTriggers.CardPresented, Staff: Staff),
        new(sessionId, 2, KioskId, startMs + 1_500, "CitizenPresent", "Identified", ReceptionTriggers.Identified, Citizen: citizen ?? Citizen),
        new(sessionId, 3, KioskId, startMs + 3_000, "Identified", "Connecting", ReceptionTriggers.CaseKindChosen, CaseKind: CaseKinds.Complaint),
        new(sessionId, 4, KioskId, startMs + 5_200, "Connecting", "Live", ReceptionTriggers.Connected, CardToLiveMs: 5_200, ButtonToLiveMs: 2_200),
        new(sessionId, 5, KioskId, startMs + 65_000, "Live", "Ending", ReceptionTriggers.StaffLongPress),
        new(sessionId, 6, KioskId, startMs + 66_000, "Ending", "Rating", ReceptionTriggers.Ended),
        new(sessionId, 7, KioskId, startMs + 70_000, "Rating", "Idle", ReceptionTriggers.Rated, Rating: SessionRatings.VerySatisfied, Outcome: SessionOutcomes.Completed),
    ];

    public Task<HttpResponseMessage> PostAsync(IEnumerable<ReceptionEvent> events) =>
        Http.PostAsJsonAsync(ReceptionProtocol.EventsPath.TrimStart('/'), new ReceptionEventBatch([.. events]));

    /// <summary>Posts and expects 200 with a receipt.</summary>
    public async Task<ReceptionEventReceipt> SendAsync(IEnumerable<ReceptionEvent> events)
    {
        using var response = await PostAsync(events);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return System.Text.Json.JsonSerializer.Deserialize<ReceptionEventReceipt>(body, Json)!;
    }

    public void Dispose() => Http.Dispose();
}
