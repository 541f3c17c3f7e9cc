using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Controls.Simulation;
using TiepCongDan.Edge.Reception;

namespace TiepCongDan.Edge.Tests.Reception;

public sealed class ReceptionFlow_Bounce_Tests
{
    [Fact]
    public async Task A_bouncing_staff_contact_in_idle_opens_one_session_with_one_event()
    {
        await using var rig = new ReceptionRig();
        await rig.StartAsync();
        var pin = BoardPinMap.Simulated.PinOf(ButtonRole.Staff);

        // A worn switch: seven edges 2 ms apart, ending pressed; then a clean release.
        rig.Driver.Bounce(pin, endPressed: true, edges: 7, betweenEdges: () => rig.Advance(2));
        rig.Advance(150);
        rig.Driver.Bounce(pin, endPressed: false, edges: 5, betweenEdges: () => rig.Advance(2));
        rig.Advance(100);
        await rig.WaitFor(ReceptionState.CitizenPresent);
        await Task.Delay(200);

        var only = Assert.Single(rig.Journal.Events);
        Assert.Equal("Idle", only.From);
        Assert.Equal(ReceptionState.CitizenPresent, rig.Flow.State);
    }

    [Fact]
    public async Task Repeated_presses_while_connecting_start_only_one_media_session()
    {
        await using var rig = new ReceptionRig();
        await rig.StartAsync();
        await rig.DriveTo(ReceptionState.Connecting);
        var pin = BoardPinMap.Simulated.PinOf(ButtonRole.Staff);

        for (var i = 0; i < 5; i++)
        {
            rig.Click(ButtonRole.Staff);
            rig.Click(ButtonRole.VerySatisfied);
            rig.Driver.Bounce(pin, endPressed: false, edges: 6, betweenEdges: () => rig.Advance(3));
            rig.Advance(100);
        }

        await Task.Delay(300);
        Assert.Equal(ReceptionState.Connecting, rig.Flow.State);
        rig.Media!.SetUplink("connected");
        rig.Advance(rig.Options.LiveCheckIntervalMs);
        await rig.WaitFor(ReceptionState.Live);

        Assert.Single(rig.Media.Starts);
        Assert.Equal(1, rig.Flow.MediaStartRequests);
        Assert.Equal(rig.Flow.SessionId, rig.Media.Starts[0]);
        Assert.Single(rig.Journal.Events, e => e.To == "Connecting");
        Assert.Single(rig.Journal.Events, e => e.To == "Live");
    }

    [Fact]
    public async Task Rating_buttons_do_nothing_while_live()
    {
        await using var rig = new ReceptionRig();
        await rig.StartAsync();
        await rig.DriveTo(ReceptionState.Live);
        var count = rig.Journal.Events.Count;

        foreach (var role in new[] { ButtonRole.VerySatisfied, ButtonRole.Satisfied, ButtonRole.Neutral, ButtonRole.Dissatisfied })
        {
            rig.Click(role);
        }

        await Task.Delay(200);
        Assert.Equal(ReceptionState.Live, rig.Flow.State);
        Assert.Equal(count, rig.Journal.Events.Count);
    }
}
