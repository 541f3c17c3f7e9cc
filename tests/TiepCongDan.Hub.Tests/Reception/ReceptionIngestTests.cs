using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Hub.Reception;
using TiepCongDan.Hub.Tests.Media;

namespace TiepCongDan.Hub.Tests.Reception;

/// <summary>POST /api/kiosk/reception/events: folding, resends, order, and who may send what.</summary>
public sealed class ReceptionIngestTests : IClassFixture<MediaHubFixture>
{
    private const string Kiosk = "14-04181";
    private readonly MediaHubFixture _fixture;

    public ReceptionIngestTests(MediaHubFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_whole_session_folds_into_one_register_row_with_every_event()
    {
        using var kiosk = new ReceptionKiosk(_fixture.Hub, Kiosk);
        var session = kiosk.NewSessionId();
        var receipt = await kiosk.SendAsync(kiosk.FullSession(session));

        Assert.Equal(7, receipt.Accepted);
        Assert.Equal(0, receipt.Duplicates);
        Assert.Equal(7, receipt.HighestSeq[session]);

        var detail = await DetailAsync(_fixture.Hub.Http, session);
        Assert.Equal(Kiosk, detail.GetProperty("kioskId").GetString());
        Assert.Equal("04181", detail.GetProperty("commune").GetString());
        Assert.Equal("14", detail.GetProperty("province").GetString());
        Assert.Equal(ReceptionKiosk.Staff, detail.GetProperty("staff").GetString());
        Assert.Equal(ReceptionKiosk.Citizen.FullName, detail.GetProperty("citizenName").GetString());
        Assert.Equal("001******345", detail.GetProperty("citizenIdMasked").GetString());
        Assert.Equal("complaint", detail.GetProperty("caseKind").GetString());
        Assert.Equal("Khiếu nại", detail.GetProperty("caseKindName").GetString());
        Assert.Equal("Idle", detail.GetProperty("state").GetString());
        Assert.Equal("completed", detail.GetProperty("outcome").GetString());
        Assert.Equal("very-satisfied", detail.GetProperty("rating").GetString());
        Assert.Equal("Rất hài lòng", detail.GetProperty("ratingName").GetString());
        Assert.Equal("2025-11-23T02:51:00.000Z", detail.GetProperty("startedAt").GetString());
        Assert.Equal("2025-11-23T02:51:05.200Z", detail.GetProperty("liveAt").GetString());
        Assert.Equal("2025-11-23T02:52:10.000Z", detail.GetProperty("endedAt").GetString());
        Assert.Equal(5_200, detail.GetProperty("cardToLiveMs").GetInt64());
        Assert.Equal(2_200, detail.GetProperty("buttonToLiveMs").GetInt64());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("archiveReference").ValueKind);
        Assert.False(detail.GetProperty("archiveSealed").GetBoolean());

        var events = detail.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], events.Select(e => e.GetProperty("seq").GetInt32()));
        Assert.Equal("Live", events[3].GetProperty("to").GetString());
        Assert.Equal("connected", events[3].GetProperty("trigger").GetString());
        Assert.Equal("completed", events[6].GetProperty("outcome").GetString());

        // The admin reads the full citizen.
        var citizen = detail.GetProperty("citizen");
        Assert.Equal(ReceptionKiosk.Citizen.IdNumber, citizen.GetProperty("idNumber").GetString());
        Assert.Equal("1950-03-15", citizen.GetProperty("dateOfBirth").GetString());
        Assert.Equal(ReceptionKiosk.Citizen.PlaceOfResidence, citizen.GetProperty("placeOfResidence").GetString());

        var list = await _fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"api/reception/sessions?kiosk={Kiosk}");
        var line = Assert.Single(list.EnumerateArray(), l => l.GetProperty("sessionId").GetString() == session);
        Assert.Equal("001******345", line.GetProperty("citizenIdMasked").GetString());
        Assert.False(line.TryGetProperty("citizen", out _));
        Assert.DoesNotContain(ReceptionKiosk.Citizen.IdNumber, list.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resend_is_counted_as_duplicates_and_the_first_copy_wins()
    {
        using var kiosk = new ReceptionKiosk(_fixture.Hub, Kiosk);
        var session = kiosk.NewSessionId();
        var events = kiosk.FullSession(session);
        var completed = _fixture.Hub.Get<ReceptionMetrics>().Sessions;
        var before = completed.Get(SessionOutcomes.Completed);
        await kiosk.SendAsync(events.Take(4));

        // The kiosk lost the answer and resends everything, with a changed copy of seq 3.
        events[2] = events[2] with { CaseKind = CaseKinds.Denunciation };
        var receipt = await kiosk.SendAsync(events);
        Assert.Equal(3, receipt.Accepted);
        Assert.Equal(4, receipt.Duplicates);
        Assert.Equal(7, receipt.HighestSeq[session]);

        var again = await kiosk.SendAsync(events);
        Assert.Equal(0, again.Accepted);
        Assert.Equal(7, again.Duplicates);
        Assert.Equal(7, again.HighestSeq[session]);

        var row = _fixture.Hub.Get<ReceptionRegister>().Find(session)!;
        Assert.Equal(CaseKinds.Complaint, row.CaseKind);
        Assert.Equal(7, row.EventCount);
        Assert.Equal(before + 1, completed.Get(SessionOutcomes.Completed));
    }

    [Fact]
    public async Task Events_out_of_order_are_kept_and_the_receipt_names_the_highest_contiguous_seq()
    {
        using var kiosk = new ReceptionKiosk(_fixture.Hub, Kiosk);
        var session = kiosk.NewSessionId();
        var events = kiosk.FullSession(session);

        var first = await kiosk.SendAsync([events[4], events[6], events[0]]);
        Assert.Equal(3, first.Accepted);
        Assert.Equal(1, first.HighestSeq[session]);
        var register = _fixture.Hub.Get<ReceptionRegister>();
        var partial = register.Find(session)!;
        Assert.Equal(3, partial.EventCount);
        Assert.Equal("Idle", partial.State);
        Assert.Equal(SessionOutcomes.Completed, partial.Outcome);
        Assert.Null(register.Citizen(partial));

        var rest = await kiosk.SendAsync([events[3], events[1], events[5], events[2]]);
        Assert.Equal(4, rest.Accepted);
        Assert.Equal(7, rest.HighestSeq[session]);
        var whole = register.Find(session)!;
        Assert.Equal(7, whole.EventCount);
        Assert.Equal(CaseKinds.Complaint, whole.CaseKind);
        Assert.Equal(5_200, whole.CardToLiveMs);
        Assert.Equal(ReceptionKiosk.Citizen, register.Citizen(whole));
    }

    [Fact]
    public async Task Another_kiosks_events_or_session_are_422_so_the_kiosk_parks_them_a_revoked_kiosk_403_a_wrong_password_401()
    {
        var hub = _fixture.Hub;
        using var kiosk = new ReceptionKiosk(hub, Kiosk);
        using var other = new ReceptionKiosk(hub, "14-04182");

        // Events naming another kiosk.
        var foreign = other.FullSession(other.NewSessionId());
        using (var response = await kiosk.PostAsync(foreign))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        }

        // Its own kiosk id on another kiosk's session id.
        var stolen = other.NewSessionId();
        using (var response = await kiosk.PostAsync(kiosk.FullSession(stolen)))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        }

        // A kiosk whose id is a prefix of another's ("14-04181" and "14-04181-02") cannot take its sessions either.
        var suffixed = MediaSessionId.New(Kiosk + "-02", DateTimeOffset.UtcNow);
        Assert.Equal(Kiosk + "-02", ReceptionRegister.KioskNamedIn(suffixed));
        using (var response = await kiosk.PostAsync(kiosk.FullSession(suffixed)))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        }

        Assert.Null(hub.Get<ReceptionRegister>().Find(suffixed));
        Assert.Null(hub.Get<ReceptionRegister>().Find(foreign[0].SessionId));
        Assert.Null(hub.Get<ReceptionRegister>().Find(stolen));

        using var revoked = new ReceptionKiosk(hub, MediaHubFixture.RevokedKiosk);
        using (var response = await revoked.PostAsync(revoked.FullSession(revoked.NewSessionId())))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var wrong = new ReceptionKiosk(hub, Kiosk, "not-the-password");
        using (var response = await wrong.PostAsync(wrong.FullSession(wrong.NewSessionId())))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // An operator account is not a kiosk.
        using (var response = await hub.Http.PostAsJsonAsync(ReceptionProtocol.EventsPath.TrimStart('/'), new ReceptionEventBatch(kiosk.FullSession(kiosk.NewSessionId()))))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_malformed_event_refuses_the_whole_batch_with_400_naming_event_and_field_never_the_citizen()
    {
        using var kiosk = new ReceptionKiosk(_fixture.Hub, Kiosk);
        var register = _fixture.Hub.Get<ReceptionRegister>();
        var cases = new List<(Func<ReceptionEvent, ReceptionEvent> Break, string Field)>
        {
            (e => e with { Seq = 0 }, "seq"),
            (e => e with { From = "Sleeping" }, "from"),
            (e => e with { To = "live" }, "to"),
            (e => e with { Trigger = "button" }, "trigger"),
            (e => e with { CaseKind = "lawsuit" }, "caseKind"),
            (e => e with { Rating = "5-stars" }, "rating"),
            (e => e with { Outcome = "done" }, "outcome"),
            (e => e with { Staff = new string('x', 201) }, "staff"),
            (e => e with { AtMs = 0 }, "atMs"),
            (e => e with { Citizen = ReceptionKiosk.Citizen with { IdNumber = "0010990123" } }, "citizen.idNumber"),
            (e => e with { Citizen = ReceptionKiosk.Citizen with { FullName = " " } }, "citizen.fullName"),
            (e => e with { Citizen = ReceptionKiosk.Citizen with { DateOfBirth = "15/03/1950" } }, "citizen.dateOfBirth"),
        };
        foreach (var (breakIt, field) in cases)
        {
            var session = kiosk.NewSessionId();
            var events = kiosk.FullSession(session);
            events[1] = breakIt(events[1]);
            using var response = await kiosk.PostAsync(events);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {body}");
            var error = JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!;
            Assert.Contains($"session {session}, seq {events[1].Seq}", error, StringComparison.Ordinal);
            Assert.Contains(field, error, StringComparison.Ordinal);
            Assert.DoesNotContain("0010990123", body, StringComparison.Ordinal);
            Assert.DoesNotContain(ReceptionKiosk.Citizen.IdNumber, body, StringComparison.Ordinal);
            Assert.DoesNotContain("Nguyễn", body, StringComparison.Ordinal);
            Assert.DoesNotContain("15/03/1950", body, StringComparison.Ordinal);
            Assert.Null(register.Find(session));
            Assert.Empty(register.Events(session));
        }

        using (var notJson = await kiosk.Http.PostAsync(ReceptionProtocol.EventsPath.TrimStart('/'), new StringContent("{\"events\": [{\"seq\": \"x\"", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        }

        var tooMany = Enumerable.Range(1, ReceptionProtocol.MaxBatch + 1)
            .Select(i => new ReceptionEvent(kiosk.NewSessionId(), 1, Kiosk, 1_763_866_260_000, "Idle", "CitizenPresent", ReceptionTriggers.StaffPress));
        using (var response = await kiosk.PostAsync(tooMany))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public void The_hubs_state_names_are_the_edges_ReceptionState_names()
    {
        var edge = Enum.GetNames<TiepCongDan.Edge.Reception.ReceptionState>();
        Assert.Equal(edge.Order(StringComparer.Ordinal), ReceptionVocabulary.States.Order(StringComparer.Ordinal));
    }

    internal static async Task<JsonElement> DetailAsync(HttpClient http, string session)
    {
        using var response = await http.GetAsync($"api/reception/sessions/{session}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
