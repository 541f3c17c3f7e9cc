using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Controls;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.Reception;

/// <summary>
/// The kiosk dies without a goodbye (SIGKILL: a crash or a power cut) while the citizen talks with
/// the officials. Restarted on the same data folder, as systemd would: the kiosk is back in Idle,
/// the hub's register has the session closed as interrupted, and what was recorded before the
/// kill still reaches the archive, sealed, from frame 0 without a gap.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class ReceptionKill_Tests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new("reception-kill");

    [Fact]
    public async Task After_a_SIGKILL_while_live_the_restarted_kiosk_is_idle_the_session_is_interrupted_at_the_hub_and_its_media_is_sealed()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(240));
        var ct = cts.Token;
        var person = CccdPerson.Hung;
        await using var rig = await ReceptionRig.StartAsync("14-06102", withCardReader: true, ct);
        var sim = rig.Sim;

        var card = rig.CardOf(person);
        card.Insert();
        await sim.ScanQrAsync(person.FrontQrText, ct);
        var identified = await sim.WaitForStateAsync("Identified", TimeSpan.FromSeconds(40), ct);
        var sessionId = identified.SessionId ?? throw new InvalidOperationException($"Identified without a session id: {identified}");
        await sim.ClickAsync(ButtonRole.Dissatisfied, ct); // button 4: phản ánh
        await sim.WaitForStateAsync("Live", TimeSpan.FromSeconds(45), ct);
        await Task.Delay(TimeSpan.FromSeconds(6), ct);

        await rig.Kiosk.KillAsync();
        card.Remove();
        rig.Kiosk.StartProcess();
        var after = await sim.WaitForAsync(_ => true, TimeSpan.FromSeconds(60), "the restarted kiosk's console", ct);
        output.WriteLine($"after restart: {after}");
        Assert.True(after.State == "Idle" && after.SessionId is null, $"the restarted kiosk is {after}, expected Idle without a session\n{rig.Describe()}");

        var record = await rig.Register.WaitAsync(sessionId, r => r.Outcome is not null, TimeSpan.FromSeconds(60), "closed", rig.Describe, ct);
        output.WriteLine(record.Json);
        var why = "\n" + record.Json;
        Assert.True(record.Outcome == SessionOutcomes.Interrupted, $"outcome {record.Outcome}, expected interrupted{why}");
        Assert.True(record.EndedAt is not null && record.LiveAt is not null, "liveAt/endedAt" + why);
        Assert.True(record.CaseKind == CaseKinds.Feedback, "case kind" + why);
        Assert.True(record.Rating is null, "a rating nobody gave" + why);
        Assert.True(record.CitizenName == person.FullName, "citizen" + why);
        var closing = record.Events[^1];
        Assert.True(ReceptionRecord.TextOf(closing, "to") == "Idle" && ReceptionRecord.TextOf(closing, "trigger") == ReceptionTriggers.Interrupted,
            "the closing event" + why);
        Assert.True(record.Events.Select(e => e.GetProperty("seq").GetInt32()).SequenceEqual(Enumerable.Range(1, record.Events.Count)), "seqs" + why);

        // The recording made before the kill is uploaded by the next life and sealed, from frame 0 without a break.
        var sealedRecord = await rig.Register.WaitAsync(sessionId, r => r.ArchiveSealed, TimeSpan.FromSeconds(90), "with its archive sealed", rig.Describe, ct);
        Assert.Equal(sessionId, sealedRecord.ArchiveReference);
        var archived = await MediaProbe.FrameNumbersAsync(MediaKiosk.ConcatenateArchive(rig.Hub, rig.Kiosk.KioskId, sessionId, _dir.Combine("archive.ts")), 640);
        output.WriteLine($"archive: {archived.Count} frames, {(archived.Count > 0 ? $"{archived[0]}..{archived[^1]}" : "none")}");
        Assert.True(archived.Count >= 50, $"only {archived.Count} frames archived from ~6 s live\n{rig.Describe()}");
        Assert.Equal(0, archived[0]);
        Assert.Null(MediaKiosk.FirstBreak(archived));

        // The restarted kiosk takes the next citizen: staff opens and ends a session at once.
        await sim.ClickAsync(ButtonRole.Staff, ct);
        await sim.WaitForStateAsync("CitizenPresent", TimeSpan.FromSeconds(20), ct);
        await sim.HoldAsync(ButtonRole.Staff, 3500, ct);
        await sim.WaitForStateAsync("Idle", TimeSpan.FromSeconds(20), ct);
    }

    public void Dispose() => _dir.Dispose();
}
