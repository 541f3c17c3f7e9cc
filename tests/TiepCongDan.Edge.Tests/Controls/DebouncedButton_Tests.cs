using System.Device.Gpio;
using TiepCongDan.Edge.Controls;

namespace TiepCongDan.Edge.Tests.Controls;

/// <summary>The button's debounce, click, long press and stuck detection, through a real GpioController over the simulated chip, in fake time.</summary>
public sealed class DebouncedButton_Tests
{
    [Fact]
    public void A_short_press_is_press_release_click_stamped_at_the_contact_edges()
    {
        using var rig = new ButtonRig();
        var pressedAt = rig.Time.GetUtcNow();
        rig.Driver.Press(ButtonRig.Pin);
        rig.Advance(29);
        Assert.Empty(rig.Events);
        rig.Advance(2);
        Assert.Equal([ButtonEventKind.Press], rig.Kinds);
        Assert.True(rig.Button.IsPressed);

        rig.Advance(169);
        var releasedAt = rig.Time.GetUtcNow();
        rig.Driver.Release(ButtonRig.Pin);
        rig.Advance(31);

        Assert.Equal([ButtonEventKind.Press, ButtonEventKind.Release, ButtonEventKind.Click], rig.Kinds);
        Assert.Equal(pressedAt, rig.Events[0].At);
        Assert.Equal(releasedAt, rig.Events[1].At);
        Assert.Equal(releasedAt, rig.Events[2].At);
        Assert.False(rig.Button.IsPressed);
        Assert.Equal(1, rig.Button.PressCount);
    }

    [Fact]
    public void A_three_second_hold_is_a_long_press_while_held_and_no_click_follows()
    {
        using var rig = new ButtonRig();
        var pressedAt = rig.Time.GetUtcNow();
        rig.Driver.Press(ButtonRig.Pin);
        rig.Advance(2_990);
        Assert.Equal([ButtonEventKind.Press], rig.Kinds);

        rig.Advance(20);
        Assert.Equal([ButtonEventKind.Press, ButtonEventKind.LongPress], rig.Kinds);
        Assert.Equal(pressedAt + TimeSpan.FromSeconds(3), rig.Events[1].At);

        rig.Advance(2_000);
        rig.Driver.Release(ButtonRig.Pin);
        rig.Advance(50);

        Assert.Equal([ButtonEventKind.Press, ButtonEventKind.LongPress, ButtonEventKind.Release], rig.Kinds);
        Assert.Equal(1, rig.Button.LongPressCount);
    }

    [Fact]
    public void A_press_just_short_of_the_long_press_time_is_a_click()
    {
        using var rig = new ButtonRig();
        rig.Driver.Press(ButtonRig.Pin);
        rig.Advance(2_950);
        rig.Driver.Release(ButtonRig.Pin);
        rig.Advance(100);

        Assert.Equal([ButtonEventKind.Press, ButtonEventKind.Release, ButtonEventKind.Click], rig.Kinds);
    }

    [Fact]
    public void Bounce_does_not_double_start_a_burst_of_edges_is_one_press_and_one_click()
    {
        using var rig = new ButtonRig();
        var firstEdge = rig.Time.GetUtcNow();

        // Seven edges 3 ms apart (21 ms of chatter) ending closed, then the same on release.
        rig.Driver.Bounce(ButtonRig.Pin, endPressed: true, edges: 7, betweenEdges: () => rig.Advance(3));
        rig.Advance(40);
        Assert.Equal([ButtonEventKind.Press], rig.Kinds);
        Assert.Equal(firstEdge, rig.Events[0].At);

        rig.Advance(200);
        rig.Driver.Bounce(ButtonRig.Pin, endPressed: false, edges: 5, betweenEdges: () => rig.Advance(4));
        rig.Advance(40);

        Assert.Equal([ButtonEventKind.Press, ButtonEventKind.Release, ButtonEventKind.Click], rig.Kinds);
        Assert.Equal(1, rig.Button.PressCount);
        Assert.Equal(6 + 4, rig.Button.BounceEdgeCount);
    }

    [Fact]
    public void Chatter_that_ends_where_it_started_is_no_press()
    {
        using var rig = new ButtonRig();
        rig.Driver.Bounce(ButtonRig.Pin, endPressed: false, edges: 6, betweenEdges: () => rig.Advance(4));
        rig.Advance(500);

        Assert.Empty(rig.Events);
        Assert.False(rig.Button.IsPressed);
    }

    [Fact]
    public void A_button_held_past_the_stuck_timeout_is_reported_stuck_goes_silent_and_recovers_on_release()
    {
        using var rig = new ButtonRig();
        var pressedAt = rig.Time.GetUtcNow();
        rig.Driver.Press(ButtonRig.Pin);
        rig.Advance(29_990);
        Assert.False(rig.Button.IsStuck);

        rig.Advance(20);
        Assert.True(rig.Button.IsStuck);
        Assert.Equal([ButtonEventKind.Press, ButtonEventKind.LongPress, ButtonEventKind.Stuck], rig.Kinds);
        Assert.Equal(pressedAt + TimeSpan.FromSeconds(30), rig.Events[2].At);

        // Silent while stuck: another minute held raises nothing.
        rig.Advance(60_000);
        Assert.Equal(3, rig.Events.Count);

        rig.Driver.Release(ButtonRig.Pin);
        rig.Advance(40);
        Assert.False(rig.Button.IsStuck);
        Assert.Equal([ButtonEventKind.Press, ButtonEventKind.LongPress, ButtonEventKind.Stuck, ButtonEventKind.Release, ButtonEventKind.Recovered], rig.Kinds);

        // And it works again.
        rig.Events.Clear();
        rig.Driver.Press(ButtonRig.Pin);
        rig.Advance(100);
        rig.Driver.Release(ButtonRig.Pin);
        rig.Advance(40);
        Assert.Equal([ButtonEventKind.Press, ButtonEventKind.Release, ButtonEventKind.Click], rig.Kinds);
    }

    [Fact]
    public void A_button_already_held_at_start_gives_no_press_or_click_but_is_found_stuck()
    {
        using var rig = new ButtonRig(pressedAtStart: true);
        Assert.True(rig.Button.IsPressed);
        rig.Advance(10_000);
        Assert.Empty(rig.Events);

        rig.Advance(20_001);
        Assert.Equal([ButtonEventKind.Stuck], rig.Kinds);

        rig.Driver.Release(ButtonRig.Pin);
        rig.Advance(40);
        Assert.Equal([ButtonEventKind.Stuck, ButtonEventKind.Release, ButtonEventKind.Recovered], rig.Kinds);
    }

    [Fact]
    public void An_active_high_button_uses_a_pull_down_and_reads_a_high_line_as_pressed()
    {
        using var rig = new ButtonRig(activeLow: false);
        Assert.True(rig.Driver.IsOpen(ButtonRig.Pin, out var mode));
        Assert.Equal(PinMode.InputPullDown, mode);

        rig.Driver.Press(ButtonRig.Pin);
        Assert.Equal(PinValue.High, rig.Driver.ReadLevel(ButtonRig.Pin));
        rig.Advance(40);
        rig.Driver.Release(ButtonRig.Pin);
        rig.Advance(40);

        Assert.Equal([ButtonEventKind.Press, ButtonEventKind.Release, ButtonEventKind.Click], rig.Kinds);
    }

    [Fact]
    public void Configured_timings_are_used()
    {
        var timings = new ButtonTimings(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(1_000), TimeSpan.FromSeconds(5));
        using var rig = new ButtonRig(timings);
        rig.Driver.Press(ButtonRig.Pin);
        rig.Advance(11);
        Assert.Equal([ButtonEventKind.Press], rig.Kinds);
        rig.Advance(1_000);
        Assert.Equal([ButtonEventKind.Press, ButtonEventKind.LongPress], rig.Kinds);
        rig.Advance(4_000);
        Assert.Equal([ButtonEventKind.Press, ButtonEventKind.LongPress, ButtonEventKind.Stuck], rig.Kinds);
    }

    [Fact]
    public void Timings_that_would_turn_a_long_press_into_an_alarm_are_refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ButtonTimings(TimeSpan.FromMilliseconds(30), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)));
        Assert.Contains("stuck timeout must be longer than the long-press time", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_real_timers_a_bouncing_click_still_gives_one_click()
    {
        // The system clock and the thread pool, as on the kiosk: edges on this thread, timers on others.
        using var driver = new TiepCongDan.Edge.Controls.Simulation.SimulatedGpioDriver();
        using var controller = new GpioController(driver);
        var timings = new ButtonTimings(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30));
        using var button = new DebouncedButton(ButtonRig.Pin, timings, TimeProvider.System, controller, shouldDispose: false);
        var kinds = new System.Collections.Concurrent.ConcurrentQueue<ButtonEventKind>();
        var clicked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        button.Changed += (_, e) =>
        {
            kinds.Enqueue(e.Kind);
            if (e.Kind == ButtonEventKind.Click)
            {
                clicked.TrySetResult();
            }
        };

        driver.Bounce(ButtonRig.Pin, endPressed: true, edges: 5);
        await WaitUntil(() => button.IsPressed);
        driver.Bounce(ButtonRig.Pin, endPressed: false, edges: 5);
        await clicked.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([ButtonEventKind.Press, ButtonEventKind.Release, ButtonEventKind.Click], kinds);
    }

    [Fact]
    public void Disposing_the_button_closes_its_pin_and_stops_its_events()
    {
        var rig = new ButtonRig();
        rig.Driver.Press(ButtonRig.Pin);
        rig.Button.Dispose();
        rig.Button.Dispose();
        Assert.False(rig.Driver.IsOpen(ButtonRig.Pin, out _));
        rig.Advance(5_000);
        rig.Driver.Release(ButtonRig.Pin);
        rig.Advance(5_000);
        Assert.Empty(rig.Events);
        rig.Controller.Dispose();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The button did not settle within 10 s.");
            await Task.Delay(2);
        }
    }
}
