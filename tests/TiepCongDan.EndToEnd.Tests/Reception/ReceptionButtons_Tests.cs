using System.Text.Json;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Controls;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.Reception;

/// <summary>
/// The buttons as a busy commune office uses them, through the console's simulated GPIO driver and
/// the kiosk's real button logic: an impatient staff member pressing again and again starts one
/// session and one recording only; a button held down (a stuck contact) starts nothing and raises
/// the button panel's alarm at the hub until it is released.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class ReceptionButtons_Tests(ITestOutputHelper output)
{
    [Fact]
    public async Task Repeated_presses_start_one_session_and_a_stuck_button_starts_nothing_and_raises_the_alarm_at_the_hub()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var ct = cts.Token;
        await using var rig = await ReceptionRig.StartAsync("14-06105", withCardReader: false, ct, ["--Edge:Buttons:StuckSeconds=5"]);
        var sim = rig.Sim;
        var kiosk = rig.Kiosk.KioskId;

        // Start, vouch, then confirm four times in a row: one Connecting, one media session.
        await sim.ClickAsync(ButtonRole.Staff, ct);
        var session = (await sim.WaitForStateAsync("CitizenPresent", TimeSpan.FromSeconds(20), ct)).SessionId!;
        await sim.ClickAsync(ButtonRole.Staff, ct);
        await sim.WaitForStateAsync("Identified", TimeSpan.FromSeconds(20), ct);
        for (var i = 0; i < 4; i++)
        {
            await sim.ClickAsync(ButtonRole.Staff, ct);
        }

        var live = await sim.WaitForStateAsync("Live", TimeSpan.FromSeconds(45), ct);
        Assert.Equal(session, live.SessionId);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.Equal("Live", (await sim.StateAsync(ct)).State);
        await sim.HoldAsync(ButtonRole.Staff, 3500, ct);
        await sim.WaitForStateAsync("Rating", TimeSpan.FromSeconds(30), ct);
        await sim.ClickAsync(ButtonRole.VerySatisfied, ct);
        await sim.WaitForStateAsync("Idle", TimeSpan.FromSeconds(20), ct);

        var record = await rig.Register.WaitAsync(session, r => r.Outcome is not null && r.ArchiveSealed, TimeSpan.FromSeconds(90),
            "closed, with its archive sealed", rig.Describe, ct);
        output.WriteLine(record.Json);
        Assert.True(record.Events.Select(e => ReceptionRecord.TextOf(e, "to")).SequenceEqual(
            ["CitizenPresent", "Identified", "Connecting", "Live", "Ending", "Rating", "Idle"]), "one pass through the states\n" + record.Json);
        Assert.Equal([session], await rig.Register.ArchiveSessionIdsAsync(kiosk, ct));

        // The staff button held down for good: no session, and the panel reported faulty, naming the button.
        await sim.ButtonAsync(ButtonRole.Staff, "press", cancellationToken: ct);
        var faulty = await rig.Hub.WaitForDeviceAsync(kiosk, d => ButtonPanel(d) is { Status: "faulty" }, TimeSpan.FromSeconds(30),
            "the button panel faulty", rig.Describe, ct);
        var alarm = ButtonPanel(faulty!)!.Value;
        output.WriteLine($"button panel: {alarm.Status}, {alarm.Reason}");
        Assert.Contains("Nút của cán bộ bị kẹt", alarm.Reason, StringComparison.Ordinal);
        var during = await sim.StateAsync(ct);
        Assert.True(during.State == "Idle" && during.SessionId is null, $"a stuck button started something: {during}");

        await sim.ButtonAsync(ButtonRole.Staff, "release", cancellationToken: ct);
        await rig.Hub.WaitForDeviceAsync(kiosk, d => ButtonPanel(d) is { Status: "present" }, TimeSpan.FromSeconds(30),
            "the button panel present again", rig.Describe, ct);
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        var after = await sim.StateAsync(ct);
        Assert.True(after.State == "Idle" && after.SessionId is null, $"releasing a stuck button started something: {after}");
        Assert.Single(await rig.Register.ListAsync(kiosk, cancellationToken: ct));
    }

    /// <summary>The button-panel device at the hub ("devices": {"button-panel": {status, reason}}), or null.</summary>
    private static (string Status, string Reason)? ButtonPanel(HubDevice device) =>
        device.Raw.TryGetProperty("devices", out var devices) && devices.ValueKind == JsonValueKind.Object
        && devices.TryGetProperty(DeviceKinds.ButtonPanel, out var panel) && panel.ValueKind == JsonValueKind.Object
            ? (ReceptionRecord.TextOf(panel, "status") ?? string.Empty, ReceptionRecord.TextOf(panel, "reason") ?? string.Empty)
            : null;
}
