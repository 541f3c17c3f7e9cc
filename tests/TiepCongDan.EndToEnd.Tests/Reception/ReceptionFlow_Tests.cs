using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Controls;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.Reception;

/// <summary>
/// A citizen's whole visit, in one test, with every part real: the virtual CCCD put on the private
/// pcscd's reader, its front QR through the console's scanner, the simulated buttons through the
/// simulated GPIO driver, the simulated camera and microphone recorded by ffmpeg and streamed to
/// the hub, the kiosk page in headless Chromium. Idle to Rating and back; then the hub's register
/// holds the session with the citizen from the chip, the case kind, the rating and a sealed archive.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class ReceptionFlow_Tests(ITestOutputHelper output)
{
    private static readonly string[] Walk = ["Idle", "CitizenPresent", "Identified", "Connecting", "Live", "Ending", "Rating", "Idle"];

    [Fact]
    public async Task A_citizen_with_a_chip_card_goes_from_idle_to_rating_and_back_and_the_hub_registers_the_session_with_a_sealed_archive()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(240));
        var ct = cts.Token;
        var person = CccdPerson.Tuyet;
        await using var rig = await ReceptionRig.StartAsync("14-06101", withCardReader: true, ct);
        var sim = rig.Sim;
        await using var chromium = await ChromiumSession.LaunchAsync();
        await using var page = await KioskPageRecorder.OpenAsync(chromium, rig.Kiosk.ScreenAddress, "whole-flow", output);

        // Idle: the invitation, nobody greeted.
        await page.WaitForStateAsync("Idle");
        await Assertions.Expect(page.Instruction).ToHaveTextAsync("Xin mời đặt thẻ căn cước lên đầu đọc");
        await Assertions.Expect(page.Citizen).ToBeHiddenAsync();
        await page.ScreenshotAsync("Idle");

        // The card on the reader: the kiosk opens a session and waits for the QR (the chip's key).
        var card = rig.CardOf(person);
        card.Insert();
        var present = await sim.WaitForStateAsync("CitizenPresent", TimeSpan.FromSeconds(20), ct);
        var sessionId = present.SessionId;
        Assert.False(string.IsNullOrEmpty(sessionId), $"CitizenPresent without a session id: {present}");
        await page.WaitForStateAsync("CitizenPresent");
        await Assertions.Expect(page.Instruction).ToHaveTextAsync("Đang đọc thẻ, xin vui lòng chờ");
        await page.ScreenshotAsync("CitizenPresent");

        // The QR scanned: the chip is read with its key and checked against the test CSCA.
        await sim.ScanQrAsync(person.FrontQrText, ct);
        var identified = await sim.WaitForStateAsync("Identified", TimeSpan.FromSeconds(40), ct);
        Assert.Equal(sessionId, identified.SessionId);
        await page.WaitForStateAsync("Identified");
        await Assertions.Expect(page.Citizen).ToHaveTextAsync($"Xin chào {person.FullName}");
        Assert.Equal(["Khiếu nại", "Tố cáo", "Kiến nghị", "Phản ánh"], await page.Page.Locator("#ratings li").AllTextContentsAsync());
        await page.ScreenshotAsync("Identified");

        // Button 1 (very satisfied, green) chooses "khiếu nại" and calls the officials.
        await sim.ClickAsync(ButtonRole.VerySatisfied, ct);
        await sim.WaitForAsync(s => s.State is "Connecting" or "Live", TimeSpan.FromSeconds(20), "the kiosk connecting", ct);
        await page.WaitForAnyStateAsync("Connecting", "Live");
        await page.ScreenshotAsync("Connecting");
        await sim.WaitForStateAsync("Live", TimeSpan.FromSeconds(45), ct);
        await page.WaitForStateAsync("Live");
        await Assertions.Expect(page.Page.Locator("#live")).ToBeVisibleAsync();
        await page.ScreenshotAsync("Live");

        // Talk for a while, so the archive holds a few segments; then staff ends with a 3.5 s press.
        await Task.Delay(TimeSpan.FromSeconds(6), ct);
        await sim.HoldAsync(ButtonRole.Staff, 3500, ct);
        await sim.WaitForAsync(s => s.State is "Ending" or "Rating", TimeSpan.FromSeconds(20), "the session ending", ct);
        await page.WaitForAnyStateAsync("Ending", "Rating");
        await page.ScreenshotAsync("Ending");
        await sim.WaitForStateAsync("Rating", TimeSpan.FromSeconds(30), ct);
        await page.WaitForStateAsync("Rating");
        Assert.Equal(["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng"], await page.Page.Locator("#ratings li").AllTextContentsAsync());
        await page.ScreenshotAsync("Rating");

        // Button 2 (satisfied, blue): the rating; back to the invitation.
        await sim.ClickAsync(ButtonRole.Satisfied, ct);
        var idle = await sim.WaitForStateAsync("Idle", TimeSpan.FromSeconds(20), ct);
        Assert.Null(idle.SessionId);
        await page.WaitForStateAsync("Idle");
        await Assertions.Expect(page.Instruction).ToHaveTextAsync("Xin mời đặt thẻ căn cước lên đầu đọc");
        await page.ScreenshotAsync("Idle");
        card.Remove();

        await AssertPageWalkAsync(page, person);
        var screenState = await page.Page.EvaluateAsync<string>("() => fetch('/api/screen/state').then(r => r.text())");
        Assert.DoesNotContain(person.IdNumber, screenState, StringComparison.Ordinal);

        // The hub: the register holds the whole session, and its media is archived and sealed.
        var record = await rig.Register.WaitAsync(sessionId!, r => r.Outcome is not null && r.ArchiveSealed, TimeSpan.FromSeconds(90),
            "closed, with its archive sealed", rig.Describe, ct);
        output.WriteLine(record.Json);
        AssertCompletedRecord(record, rig, person);
        await AssertArchiveAsync(rig, sessionId!, person, ct);
    }

    private async Task AssertPageWalkAsync(KioskPageRecorder page, CccdPerson person)
    {
        var renders = await page.RendersAsync();
        foreach (var render in renders)
        {
            output.WriteLine("render " + render);
        }

        var states = renders.Select(r => r.State).Where(s => s.Length > 0).ToList();
        var collapsed = states.Where((s, i) => i == 0 || states[i - 1] != s).ToList();
        Assert.True(IsSubsequence(Walk, collapsed), $"the page went {string.Join(" -> ", collapsed)}; expected {string.Join(" -> ", Walk)} in that order");

        string[] expected =
        [
            "Idle|Xin mời đặt thẻ căn cước lên đầu đọc",
            "CitizenPresent|Đang đọc thẻ, xin vui lòng chờ",
            "Identified|Xin chọn loại việc",
            "Connecting|Đang kết nối với cán bộ tiếp công dân",
            "Live|Xin mời trình bày với cán bộ",
            "Ending|Phiên tiếp công dân đang kết thúc",
            "Rating|Xin mời đánh giá mức độ hài lòng",
        ];
        foreach (var pair in expected)
        {
            var (state, text) = (pair.Split('|')[0], pair.Split('|')[1]);
            Assert.True(renders.Any(r => r.State == state && r.Instruction == text),
                $"the page never showed \"{text}\" in {state}; it showed: {string.Join(" | ", renders.Where(r => r.State == state))}");
        }

        // Identified, Connecting: greeted by name; never the ID number, on any screen.
        Assert.Contains(renders, r => r.State == "Identified" && r.Citizen == $"Xin chào {person.FullName}");
        Assert.All(renders, r =>
        {
            Assert.False(r.VisibleText.Contains(person.IdNumber, StringComparison.Ordinal), $"the ID number is on the screen in {r.State}");
            Assert.False(r.VisibleText.Contains(person.DocumentNumber, StringComparison.Ordinal), $"the document number is on the screen in {r.State}");
        });
        // The next citizen must not see who was here before.
        Assert.All(renders.Where(r => r.State == "Idle"), r => Assert.Null(r.Citizen));
    }

    private static void AssertCompletedRecord(ReceptionRecord record, ReceptionRig rig, CccdPerson person)
    {
        var why = "\n" + record.Json;
        Assert.True(record.Outcome == SessionOutcomes.Completed, $"outcome {record.Outcome}, expected completed{why}");
        Assert.True(record.KioskId == rig.Kiosk.KioskId, "kioskId" + why);
        Assert.True(!string.IsNullOrEmpty(record.Commune), "no commune" + why);
        Assert.True(record.Staff == rig.Kiosk.Staff, "staff" + why);
        Assert.True(record.CaseKind == CaseKinds.Complaint && record.CaseKindName == "Khiếu nại", "case kind" + why);
        Assert.True(record.Rating == SessionRatings.Satisfied && record.RatingName == "Hài lòng", "rating" + why);
        Assert.True(record.CitizenName == person.FullName, "citizenName" + why);
        Assert.True(record.CitizenIdMasked == ReceptionCitizen.Mask(person.IdNumber), "citizenIdMasked" + why);
        Assert.True(record.StartedAt is not null && record.LiveAt is not null && record.EndedAt is not null, "startedAt/liveAt/endedAt" + why);
        Assert.True(record.CardToLiveMs is > 0, "cardToLiveMs" + why);
        // Button-to-live times the staff button; here the citizen's case-kind button called the officials.
        Assert.True(record.ButtonToLiveMs is null, "buttonToLiveMs without a staff press" + why);
        Assert.True(DateTimeOffset.Parse(record.LiveAt!, CultureInfo.InvariantCulture) - DateTimeOffset.Parse(record.StartedAt!, CultureInfo.InvariantCulture)
                    <= TimeSpan.FromMilliseconds(record.CardToLiveMs!.Value + 1000), "cardToLiveMs does not match startedAt..liveAt" + why);
        Assert.True(record.ArchiveReference == record.SessionId, "archiveReference" + why);

        var citizen = record.Citizen ?? throw new InvalidOperationException("no citizen in the detail" + why);
        Assert.Equal(person.IdNumber, ReceptionRecord.TextOf(citizen, "idNumber"));
        Assert.Equal(person.FullName, ReceptionRecord.TextOf(citizen, "fullName"));
        Assert.Equal("1990-03-15", ReceptionRecord.TextOf(citizen, "dateOfBirth"));
        Assert.Equal(person.Sex, ReceptionRecord.TextOf(citizen, "sex"));
        Assert.Equal(person.PlaceOfResidence, ReceptionRecord.TextOf(citizen, "placeOfResidence"));
        Assert.Equal("valid", ReceptionRecord.TextOf(citizen, "authenticity"));
        Assert.Equal("chip", ReceptionRecord.TextOf(citizen, "source"));

        var events = record.Events;
        Assert.True(events.Select(e => e.GetProperty("seq").GetInt32()).SequenceEqual(Enumerable.Range(1, events.Count)), "event seqs are not 1..n" + why);
        var visited = events.Select(e => ReceptionRecord.TextOf(e, "to")).ToList();
        Assert.True(visited.SequenceEqual(Walk.Skip(1)), $"events went to {string.Join(", ", visited)}{why}");
        Assert.True(ReceptionRecord.TextOf(events[0], "from") == "Idle", "first event" + why);
        Assert.True(ReceptionRecord.TextOf(events[^1], "outcome") == SessionOutcomes.Completed, "closing event's outcome" + why);
        Assert.True(ReceptionRecord.TextOf(events[^1], "trigger") == ReceptionTriggers.Rated, "closing event's trigger" + why);
        Assert.True(ReceptionRecord.TextOf(events[3], "trigger") == ReceptionTriggers.Connected, "the Live event's trigger" + why);
        Assert.True(ReceptionRecord.TextOf(events[4], "trigger") == ReceptionTriggers.StaffLongPress, "the Ending event's trigger" + why);
    }

    private static async Task AssertArchiveAsync(ReceptionRig rig, string sessionId, CccdPerson person, CancellationToken ct)
    {
        var detail = await rig.Register.ArchiveSessionAsync(sessionId, ct)
                     ?? throw new InvalidOperationException($"The archive does not know session {sessionId}.\n{rig.Describe()}");
        var session = detail.GetProperty("session");
        var why = "\n" + detail.GetRawText();
        Assert.True(session.GetProperty("complete").GetBoolean(), "archive not complete" + why);
        Assert.True(session.GetProperty("manifestVersion").GetInt32() > 0, "archive not sealed" + why);
        Assert.True(detail.GetProperty("segments").GetArrayLength() >= 1, "no segment" + why);
        Assert.True(detail.GetProperty("verify").ValueKind == JsonValueKind.Object && detail.GetProperty("verify").GetProperty("intact").GetBoolean(), "not intact" + why);
        // The register tells the archive the case and who, but never the ID number itself.
        Assert.True(session.GetProperty("caseKind").GetString() == CaseKinds.Complaint, "the archive's case kind" + why);
        var citizenRef = session.GetProperty("citizenRef").GetString() ?? string.Empty;
        Assert.True(citizenRef.StartsWith("hmac:", StringComparison.Ordinal), "the archive's citizenRef" + why);
        Assert.DoesNotContain(person.IdNumber, detail.GetRawText(), StringComparison.Ordinal);
    }

    private static bool IsSubsequence(IReadOnlyList<string> wanted, IReadOnlyList<string> seen)
    {
        var i = 0;
        foreach (var state in seen)
        {
            if (i < wanted.Count && state == wanted[i])
            {
                i++;
            }
        }

        return i == wanted.Count;
    }
}
