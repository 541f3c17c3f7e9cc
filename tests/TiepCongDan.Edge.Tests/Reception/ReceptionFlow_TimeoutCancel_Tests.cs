using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Reception;

namespace TiepCongDan.Edge.Tests.Reception;

public sealed class ReceptionFlow_TimeoutCancel_Tests
{
    private static string Step(ReceptionEvent e) => $"{e.From}>{e.To} {e.Trigger}";

    [Theory]
    [InlineData(ReceptionState.CitizenPresent, 60, ReceptionState.Idle, SessionOutcomes.TimedOut)]
    [InlineData(ReceptionState.Identified, 90, ReceptionState.Idle, SessionOutcomes.TimedOut)]
    [InlineData(ReceptionState.Connecting, 45, ReceptionState.Error, null)]
    [InlineData(ReceptionState.Ending, 30, ReceptionState.Rating, null)]
    [InlineData(ReceptionState.Rating, 30, ReceptionState.Idle, SessionOutcomes.Completed)]
    [InlineData(ReceptionState.Error, 10, ReceptionState.Idle, SessionOutcomes.Failed)]
    public async Task Each_state_moves_on_by_itself_when_its_time_runs_out_and_not_before(ReceptionState state, int seconds, ReceptionState next, string? outcome)
    {
        await using var rig = new ReceptionRig();
        await rig.StartAsync();
        await rig.DriveTo(state);
        var before = rig.Journal.Events.Count;

        rig.AdvanceSeconds(seconds - 1);
        await Task.Delay(200);
        Assert.Equal(state, rig.Flow.State);
        Assert.Equal(before, rig.Journal.Events.Count);

        rig.AdvanceSeconds(1);
        await rig.WaitFor(next);

        var last = rig.Journal.Events[^1];
        Assert.Equal($"{state}>{next} timeout", Step(last));
        Assert.Equal(outcome, last.Outcome);
        Assert.Equal(rig.Journal.Events.Select(e => e.Seq), Enumerable.Range(1, rig.Journal.Events.Count));
        if (state == ReceptionState.Connecting)
        {
            // The half-started media session is stopped, and the error says why.
            await ReceptionRig.Until(() => rig.Media!.Stops >= 1, "media stopped");
            Assert.NotNull(last.Detail);
        }
    }

    [Fact]
    public async Task Live_has_no_timeout()
    {
        await using var rig = new ReceptionRig();
        await rig.StartAsync();
        await rig.DriveTo(ReceptionState.Live);

        rig.AdvanceSeconds(3600);
        await Task.Delay(200);

        Assert.Equal(ReceptionState.Live, rig.Flow.State);
    }

    [Theory]
    [InlineData(ReceptionState.CitizenPresent, ReceptionState.Idle, SessionOutcomes.Cancelled)]
    [InlineData(ReceptionState.Identified, ReceptionState.Idle, SessionOutcomes.Cancelled)]
    [InlineData(ReceptionState.Connecting, ReceptionState.Rating, null)]
    [InlineData(ReceptionState.Live, ReceptionState.Rating, null)]
    [InlineData(ReceptionState.Rating, ReceptionState.Idle, SessionOutcomes.Completed)]
    [InlineData(ReceptionState.Error, ReceptionState.Idle, SessionOutcomes.Failed)]
    public async Task The_staff_long_press_cancels_or_ends_at_each_state(ReceptionState state, ReceptionState settlesIn, string? outcome)
    {
        await using var rig = new ReceptionRig();
        await rig.StartAsync();
        await rig.DriveTo(state);

        rig.Hold(ButtonRole.Staff);
        await rig.WaitFor(settlesIn);

        var events = rig.Journal.Events;
        Assert.Contains(events, e => e.From == state.ToString() && e.Trigger == ReceptionTriggers.StaffLongPress);
        Assert.Equal(outcome, events[^1].Outcome);
        if (state is ReceptionState.Connecting or ReceptionState.Live)
        {
            Assert.Equal(["Ending>Rating ended"], events.TakeLast(1).Select(Step));
            Assert.True(rig.Media!.Stops >= 1);
            Assert.Equal(string.Empty, rig.Media.Status.SessionId);
        }
    }

    [Fact]
    public async Task A_session_cancelled_while_connecting_is_closed_as_cancelled_not_completed()
    {
        await using var rig = new ReceptionRig();
        await rig.StartAsync();
        await rig.DriveTo(ReceptionState.Connecting);
        rig.Hold(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.Rating);

        rig.AdvanceSeconds(30);
        await rig.WaitFor(ReceptionState.Idle);

        Assert.Equal(SessionOutcomes.Cancelled, rig.Journal.Events[^1].Outcome);
    }

    [Fact]
    public async Task The_staff_long_press_ends_a_live_session_cleanly_media_stopped_then_the_rating()
    {
        await using var rig = new ReceptionRig();
        await rig.StartAsync();
        await rig.DriveTo(ReceptionState.Live);
        var sessionId = rig.Flow.SessionId;

        rig.Hold(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.Rating);

        Assert.Equal(1, rig.Media!.Stops);
        Assert.Equal(string.Empty, rig.Media.Status.SessionId);
        Assert.Equal(sessionId, rig.Flow.SessionId);
        Assert.Equal(
            ["Live>Ending staff-long-press", "Ending>Rating ended"],
            rig.Journal.Events.TakeLast(2).Select(Step));
        Assert.Equal(ReceptionState.Rating, rig.Presenter.Views[^1].State);
        Assert.Equal(rig.Options.RatingSeconds, rig.Presenter.Views[^1].CountdownSeconds);
    }

    [Fact]
    public async Task A_long_press_while_the_recording_closes_changes_nothing()
    {
        await using var rig = new ReceptionRig();
        await rig.StartAsync();
        await rig.DriveTo(ReceptionState.Ending);
        var count = rig.Journal.Events.Count;

        rig.Hold(ButtonRole.Staff);
        await Task.Delay(200);

        Assert.Equal(ReceptionState.Ending, rig.Flow.State);
        Assert.Equal(count, rig.Journal.Events.Count);
        rig.Media!.StopGate!.TrySetResult();
        await rig.WaitFor(ReceptionState.Rating);
    }
}
