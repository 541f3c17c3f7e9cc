using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Controls;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.Reception;

/// <summary>
/// Nobody acts: each waiting state gives up by itself (the shortest timeouts the kiosk accepts),
/// and a card the chip refuses shows the error, then the invitation again. Each ending is in the
/// hub's register with its outcome and the trigger that caused it.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class ReceptionTimeouts_Tests(ITestOutputHelper output)
{
    private static readonly string[] ShortTimeouts =
    [
        "--Edge:Reception:CitizenPresentSeconds=5",
        "--Edge:Reception:IdentifiedSeconds=5",
        "--Edge:Reception:RatingSeconds=5",
        "--Edge:Reception:ErrorDisplaySeconds=2",
    ];

    [Fact]
    public async Task Waiting_states_time_out_to_idle_and_a_refused_card_shows_the_error_then_idle_each_registered_with_its_outcome()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var ct = cts.Token;
        await using var rig = await ReceptionRig.StartAsync("14-06104", withCardReader: true, ct, ShortTimeouts);
        var sim = rig.Sim;

        // Staff opened a session and nobody came: CitizenPresent times out.
        await sim.ClickAsync(ButtonRole.Staff, ct);
        var unattended = (await sim.WaitForStateAsync("CitizenPresent", TimeSpan.FromSeconds(20), ct)).SessionId!;
        await sim.WaitForStateAsync("Idle", TimeSpan.FromSeconds(20), ct);

        // A citizen was identified but nobody chose the case: Identified times out.
        var tuyet = rig.CardOf(CccdPerson.Tuyet);
        tuyet.Insert();
        await sim.ScanQrAsync(CccdPerson.Tuyet.FrontQrText, ct);
        var undecided = (await sim.WaitForStateAsync("Identified", TimeSpan.FromSeconds(40), ct)).SessionId!;
        await sim.WaitForStateAsync("Idle", TimeSpan.FromSeconds(20), ct);
        tuyet.Remove();
        // Off the reader for a moment, as a hand takes it: pcscd polls vpcd for presence, and a card
        // put back within one poll is never seen leaving (nor arriving).
        await Task.Delay(TimeSpan.FromSeconds(1), ct);

        // The QR of another citizen: the chip refuses the key; the error is shown, then Idle.
        tuyet.Insert();
        await sim.ScanQrAsync(CccdPerson.Hung.FrontQrText, ct);
        var refused = await sim.WaitForStateAsync("Error", TimeSpan.FromSeconds(40), ct);
        await sim.WaitForStateAsync("Idle", TimeSpan.FromSeconds(20), ct);
        tuyet.Remove();

        // A session ended but the citizen walked away without rating: completed, no rating.
        await sim.ClickAsync(ButtonRole.Staff, ct);
        var unrated = (await sim.WaitForStateAsync("CitizenPresent", TimeSpan.FromSeconds(20), ct)).SessionId!;
        await sim.ClickAsync(ButtonRole.Staff, ct);
        await sim.WaitForStateAsync("Identified", TimeSpan.FromSeconds(20), ct);
        await sim.ClickAsync(ButtonRole.Staff, ct);
        await sim.WaitForStateAsync("Live", TimeSpan.FromSeconds(45), ct);
        await sim.HoldAsync(ButtonRole.Staff, 3500, ct);
        await sim.WaitForStateAsync("Rating", TimeSpan.FromSeconds(30), ct);
        await sim.WaitForStateAsync("Idle", TimeSpan.FromSeconds(20), ct);

        await AssertClosedAsync(rig, unattended, SessionOutcomes.TimedOut, ReceptionTriggers.Timeout, ["CitizenPresent", "Idle"], ct);
        await AssertClosedAsync(rig, undecided, SessionOutcomes.TimedOut, ReceptionTriggers.Timeout, ["CitizenPresent", "Identified", "Idle"], ct);
        var failed = await AssertClosedAsync(rig, refused.SessionId!, SessionOutcomes.Failed, ReceptionTriggers.Timeout, ["CitizenPresent", "Error", "Idle"], ct);
        Assert.True(ReceptionRecord.TextOf(failed.Events[1], "trigger") == ReceptionTriggers.IdentificationFailed, "the Error event's trigger\n" + failed.Json);
        Assert.True(failed.Citizen is null, "a citizen from a refused card\n" + failed.Json);
        var completed = await AssertClosedAsync(rig, unrated, SessionOutcomes.Completed, ReceptionTriggers.Timeout,
            ["CitizenPresent", "Identified", "Connecting", "Live", "Ending", "Rating", "Idle"], ct);
        Assert.True(completed.Rating is null, "a rating nobody gave\n" + completed.Json);
    }

    private async Task<ReceptionRecord> AssertClosedAsync(ReceptionRig rig, string sessionId, string outcome, string closingTrigger,
        string[] states, CancellationToken ct)
    {
        var record = await rig.Register.WaitAsync(sessionId, r => r.Outcome is not null, TimeSpan.FromSeconds(30), "closed", rig.Describe, ct);
        output.WriteLine(record.Json);
        var why = "\n" + record.Json;
        Assert.True(record.Outcome == outcome, $"outcome {record.Outcome}, expected {outcome}{why}");
        Assert.True(record.Events.Select(e => ReceptionRecord.TextOf(e, "to")).SequenceEqual(states), $"expected the states {string.Join(", ", states)}{why}");
        Assert.True(ReceptionRecord.TextOf(record.Events[^1], "trigger") == closingTrigger, $"closing trigger, expected {closingTrigger}{why}");
        return record;
    }
}
