using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Screen;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Screen;

/// <summary>The display on at start, when someone arrives and in every state but Idle; off after IdleOffSeconds of Idle, on the injected clock.</summary>
public sealed class DisplayPower_Tests
{
    private static readonly TimeSpan IdleOff = TimeSpan.FromSeconds(300);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingDisplaySink _sink = new();

    [Fact]
    public async Task On_at_start_and_off_exactly_when_idle_has_lasted_the_timeout()
    {
        using var display = new DisplayPower(_sink, IdleOff, _time);
        await display.Settled;
        Assert.Equal([true], _sink.Switches);

        _time.Advance(IdleOff - TimeSpan.FromSeconds(1));
        await display.Settled;
        Assert.True(display.IsOn);
        Assert.Equal([true], _sink.Switches);

        _time.Advance(TimeSpan.FromSeconds(1));
        await display.Settled;
        Assert.False(display.IsOn);
        Assert.Equal([true, false], _sink.Switches);
    }

    [Fact]
    public async Task A_session_keeps_the_display_on_however_long_it_lasts_and_idle_after_it_starts_a_fresh_countdown()
    {
        using var display = new DisplayPower(_sink, IdleOff, _time);
        _time.Advance(TimeSpan.FromSeconds(200));
        display.OnStateChanged(ReceptionState.CitizenPresent);
        display.OnStateChanged(ReceptionState.Live);
        _time.Advance(TimeSpan.FromHours(2));
        await display.Settled;
        Assert.True(display.IsOn);
        Assert.Equal([true], _sink.Switches);

        display.OnStateChanged(ReceptionState.Rating);
        display.OnStateChanged(ReceptionState.Idle);
        _time.Advance(IdleOff - TimeSpan.FromSeconds(1));
        await display.Settled;
        Assert.True(display.IsOn);
        _time.Advance(TimeSpan.FromSeconds(1));
        await display.Settled;
        Assert.Equal([true, false], _sink.Switches);
    }

    [Fact]
    public async Task A_dark_display_wakes_when_someone_arrives_or_a_session_starts()
    {
        using var display = new DisplayPower(_sink, IdleOff, _time);
        _time.Advance(IdleOff);
        display.OnSomeoneArrived();
        await display.Settled;
        Assert.Equal([true, false, true], _sink.Switches);

        // Still Idle after the arrival: a new full countdown, then dark again.
        _time.Advance(IdleOff - TimeSpan.FromSeconds(1));
        await display.Settled;
        Assert.True(display.IsOn);
        _time.Advance(TimeSpan.FromSeconds(1));
        await display.Settled;
        Assert.Equal([true, false, true, false], _sink.Switches);

        display.OnStateChanged(ReceptionState.CitizenPresent);
        await display.Settled;
        Assert.Equal([true, false, true, false, true], _sink.Switches);
    }

    [Fact]
    public async Task Idle_repeated_does_not_restart_the_countdown_and_states_repeated_do_not_switch_again()
    {
        using var display = new DisplayPower(_sink, IdleOff, _time);
        _time.Advance(TimeSpan.FromSeconds(250));
        display.OnStateChanged(ReceptionState.Idle);
        _time.Advance(TimeSpan.FromSeconds(50));
        await display.Settled;
        Assert.False(display.IsOn);

        display.OnStateChanged(ReceptionState.Connecting);
        display.OnStateChanged(ReceptionState.Live);
        display.OnSomeoneArrived();
        await display.Settled;
        Assert.Equal([true, false, true], _sink.Switches);
    }

    [Fact]
    public async Task A_failing_display_program_is_logged_as_an_error_and_the_next_switch_is_still_tried()
    {
        var logger = new RecordingLogger();
        _sink.FailWith = "`wlr-randr` cannot be run: install it (apt-get install wlr-randr)";
        using var display = new DisplayPower(_sink, IdleOff, _time, logger);
        await display.Settled;
        var failure = Assert.Single(logger.Entries, e => e.EventId == 8711);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Contains("apt-get install wlr-randr", failure.Message, StringComparison.Ordinal);

        _sink.FailWith = null;
        _time.Advance(IdleOff);
        await display.Settled;
        Assert.Equal([false], _sink.Switches);
    }

    [Fact]
    public async Task After_dispose_the_idle_timer_no_longer_switches_the_display_off()
    {
        var display = new DisplayPower(_sink, IdleOff, _time);
        await display.Settled;
        display.Dispose();
        _time.Advance(IdleOff * 2);
        await display.Settled;
        Assert.Equal([true], _sink.Switches);
    }
}
