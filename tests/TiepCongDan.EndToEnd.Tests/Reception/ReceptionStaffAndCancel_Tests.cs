using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Controls;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.Reception;

/// <summary>
/// The staff member's one button on a kiosk without a card reader: a session the staff vouches for
/// (no card) runs to the rating with its button-to-live time; a session cancelled by the 3-second
/// press before going live is registered as cancelled and never becomes a media session.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class ReceptionStaffAndCancel_Tests(ITestOutputHelper output)
{
    /// <summary>A made-up CCCD front QR (the console builds a simulated card from it): number|old number|name|birth|sex|residence|issued.</summary>
    private const string SimulatedCitizenQr = "001099000123|012099123|Đỗ Văn Minh|12051999|Nam|Xã Mô Phỏng, Huyện Mô Phỏng, Tỉnh Mô Phỏng|01022022";

    [Fact]
    public async Task A_staff_vouched_session_completes_without_a_citizen_and_cancels_before_live_leave_no_media_session()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(240));
        var ct = cts.Token;
        await using var rig = await ReceptionRig.StartAsync("14-06103", withCardReader: false, ct);
        var sim = rig.Sim;
        var kiosk = rig.Kiosk.KioskId;

        // 1. Staff only: start, vouch, confirm; live; end with the long press; rated "bình thường".
        await sim.ClickAsync(ButtonRole.Staff, ct);
        var present = await sim.WaitForStateAsync("CitizenPresent", TimeSpan.FromSeconds(20), ct);
        var vouched = present.SessionId ?? throw new InvalidOperationException($"CitizenPresent without a session id: {present}");
        await sim.ClickAsync(ButtonRole.Staff, ct);
        await sim.WaitForStateAsync("Identified", TimeSpan.FromSeconds(20), ct);
        await sim.ClickAsync(ButtonRole.Staff, ct);
        await sim.WaitForStateAsync("Live", TimeSpan.FromSeconds(45), ct);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await sim.HoldAsync(ButtonRole.Staff, 3500, ct);
        await sim.WaitForStateAsync("Rating", TimeSpan.FromSeconds(30), ct);
        await sim.ClickAsync(ButtonRole.Neutral, ct);
        await sim.WaitForStateAsync("Idle", TimeSpan.FromSeconds(20), ct);

        // 2. Staff starts, then cancels with the long press while the kiosk waits for a card.
        var cancelledEarly = await StartThenCancelAsync(sim, "CitizenPresent", () => sim.ClickAsync(ButtonRole.Staff, ct), ct);

        // 3. A (simulated) card identifies a citizen, then staff cancels before choosing the case.
        var cancelledIdentified = await StartThenCancelAsync(sim, "Identified", () => sim.PresentCardAsync("qr", SimulatedCitizenQr, ct), ct);
        await sim.RemoveCardAsync(ct);

        var completed = await rig.Register.WaitAsync(vouched, r => r.Outcome is not null, TimeSpan.FromSeconds(30), "closed", rig.Describe, ct);
        output.WriteLine(completed.Json);
        var why = "\n" + completed.Json;
        Assert.True(completed.Outcome == SessionOutcomes.Completed, $"outcome {completed.Outcome}, expected completed{why}");
        Assert.True(completed.Citizen is null && completed.CitizenName is null && completed.CitizenIdMasked is null, "a citizen nobody presented" + why);
        Assert.True(completed.CaseKind is null, "a case kind nobody chose" + why);
        Assert.True(completed.Rating == SessionRatings.Neutral && completed.RatingName == "Bình thường", "rating" + why);
        Assert.True(completed.ButtonToLiveMs is > 0, "buttonToLiveMs" + why);
        Assert.True(completed.CardToLiveMs is null, "cardToLiveMs without a card" + why);
        Assert.True(completed.Staff == rig.Kiosk.Staff, "staff" + why);

        foreach (var (id, lastState) in new[] { (cancelledEarly, "CitizenPresent"), (cancelledIdentified, "Identified") })
        {
            var record = await rig.Register.WaitAsync(id, r => r.Outcome is not null, TimeSpan.FromSeconds(30), "closed", rig.Describe, ct);
            output.WriteLine(record.Json);
            why = "\n" + record.Json;
            Assert.True(record.Outcome == SessionOutcomes.Cancelled, $"outcome {record.Outcome}, expected cancelled{why}");
            Assert.True(record.LiveAt is null && record.CardToLiveMs is null && record.ButtonToLiveMs is null, "live times of a session never live" + why);
            Assert.True(record.ArchiveReference is null && !record.ArchiveSealed, "an archive for a session never live" + why);
            Assert.True(record.Events.Select(e => ReceptionRecord.TextOf(e, "to")).SequenceEqual(lastState == "CitizenPresent"
                ? ["CitizenPresent", "Idle"]
                : ["CitizenPresent", "Identified", "Idle"]), "events" + why);
            Assert.True(ReceptionRecord.TextOf(record.Events[^1], "trigger") == ReceptionTriggers.StaffLongPress, "the closing trigger" + why);
            Assert.Null(await rig.Register.ArchiveSessionAsync(id, ct));
        }

        var identifiedRecord = await rig.Register.GetAsync(cancelledIdentified, ct);
        Assert.True(identifiedRecord!.Citizen is { } citizen && ReceptionRecord.TextOf(citizen, "authenticity") == "simulated"
                    && ReceptionRecord.TextOf(citizen, "source") == "simulated",
            "a simulated card's citizen must be marked simulated, never valid\n" + identifiedRecord.Json);

        // Only the session that went live became a media session.
        await rig.Register.WaitAsync(vouched, r => r.ArchiveSealed, TimeSpan.FromSeconds(90), "with its archive sealed", rig.Describe, ct);
        Assert.Equal([vouched], await rig.Register.ArchiveSessionIdsAsync(kiosk, ct));
        var listed = await rig.Register.ListAsync(kiosk, cancellationToken: ct);
        Assert.Equal(new[] { vouched, cancelledEarly, cancelledIdentified }.Order(), listed.Select(r => r.SessionId).Order());
    }

    private static async Task<string> StartThenCancelAsync(SimConsoleClient sim, string waitIn, Func<Task> start, CancellationToken ct)
    {
        await start();
        var state = await sim.WaitForStateAsync(waitIn, TimeSpan.FromSeconds(30), ct);
        var id = state.SessionId ?? throw new InvalidOperationException($"{waitIn} without a session id: {state}");
        await sim.HoldAsync(ButtonRole.Staff, 3500, ct);
        await sim.WaitForStateAsync("Idle", TimeSpan.FromSeconds(20), ct);
        return id;
    }
}
