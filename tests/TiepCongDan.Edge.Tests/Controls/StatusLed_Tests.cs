using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Controls.Simulation;

namespace TiepCongDan.Edge.Tests.Controls;

/// <summary>The light patterns as a voltmeter on the pin would see them, in fake time.</summary>
public sealed class StatusLed_Tests : IDisposable
{
    private const int Pin = 22;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly SimulatedGpioDriver _driver = new();
    private readonly GpioController _controller;
    private readonly List<(DateTimeOffset At, PinValue Level)> _writes = [];

    public StatusLed_Tests()
    {
        _controller = new GpioController(_driver);
        _driver.OutputChanged += (_, e) => _writes.Add((_time.GetUtcNow(), e.ChangeType == PinEventTypes.Rising ? PinValue.High : PinValue.Low));
    }

    public static TheoryData<StatusLedMode> BlinkingModes => new() { StatusLedMode.Idle, StatusLedMode.Connecting, StatusLedMode.Live, StatusLedMode.Error };

    [Theory]
    [MemberData(nameof(BlinkingModes))]
    public void A_blinking_pattern_lights_the_pin_for_exactly_its_steps_cycle_after_cycle(StatusLedMode mode)
    {
        using var led = new StatusLed(Pin, _time, _controller, shouldDispose: false);
        var pattern = LedPatterns.For(mode);
        var start = _time.GetUtcNow();
        led.Show(mode);
        AdvanceInMilliseconds((int)(pattern.Period.TotalMilliseconds * 3) + 1);

        // Expected level changes over three cycles, from the steps (merged where two steps share a level).
        var expected = new List<(DateTimeOffset, PinValue)>();
        var at = start;
        var level = PinValue.Low;
        for (var cycle = 0; cycle < 3; cycle++)
        {
            foreach (var step in pattern.Steps)
            {
                var stepLevel = step.On ? PinValue.High : PinValue.Low;
                if (stepLevel != level)
                {
                    expected.Add((at, stepLevel));
                    level = stepLevel;
                }

                at += step.Duration;
            }
        }

        // The first step of the fourth cycle starts exactly at the end of the third.
        if (pattern.Steps[0].On && level == PinValue.Low)
        {
            expected.Add((at, PinValue.High));
        }

        Assert.Equal(expected, _writes);
    }

    [Theory]
    [InlineData(StatusLedMode.Ready, true)]
    [InlineData(StatusLedMode.Off, false)]
    public void A_steady_pattern_holds_its_level(StatusLedMode mode, bool lit)
    {
        using var led = new StatusLed(Pin, _time, _controller, shouldDispose: false);
        led.Show(StatusLedMode.Connecting);
        AdvanceInMilliseconds(60);
        led.Show(mode);
        _writes.Clear();
        AdvanceInMilliseconds(10_000);

        Assert.Empty(_writes);
        Assert.Equal(lit ? PinValue.High : PinValue.Low, _driver.ReadLevel(Pin));
        Assert.Equal(lit, led.IsLit);
    }

    [Fact]
    public void Every_mode_has_its_own_rhythm()
    {
        var modes = Enum.GetValues<StatusLedMode>();
        var rhythms = modes.Select(m => string.Join(",", LedPatterns.For(m).Steps.Select(s => $"{s.On}:{s.Duration.TotalMilliseconds}"))).ToList();
        Assert.Equal(modes.Length, rhythms.Distinct().Count());
        Assert.All(modes, m => Assert.False(string.IsNullOrWhiteSpace(LedPatterns.For(m).Name)));
    }

    [Fact]
    public void The_idle_pattern_is_one_blink_every_three_seconds_and_error_a_double_blink()
    {
        var idle = LedPatterns.For(StatusLedMode.Idle);
        Assert.Equal(TimeSpan.FromSeconds(3), idle.Period);
        Assert.Equal(1, idle.Steps.Count(s => s.On));
        Assert.Equal(2, LedPatterns.For(StatusLedMode.Error).Steps.Count(s => s.On));
    }

    [Fact]
    public void Showing_the_playing_pattern_again_does_not_restart_it_and_a_new_one_starts_at_its_first_step()
    {
        using var led = new StatusLed(Pin, _time, _controller, shouldDispose: false);
        led.Show(StatusLedMode.Idle);
        AdvanceInMilliseconds(1_000);
        _writes.Clear();
        led.Show(StatusLedMode.Idle);
        Assert.Empty(_writes);

        led.Show(StatusLedMode.Connecting);
        Assert.Equal([(_time.GetUtcNow(), PinValue.High)], _writes);
        AdvanceInMilliseconds(125);
        Assert.Equal(PinValue.Low, _driver.ReadLevel(Pin));
    }

    [Fact]
    public void An_active_low_light_is_lit_by_a_low_line_and_dark_after_dispose()
    {
        var led = new StatusLed(Pin, _time, _controller, shouldDispose: false, activeLow: true);
        Assert.Equal(PinValue.High, _driver.ReadLevel(Pin));
        led.Show(StatusLedMode.Ready);
        Assert.Equal(PinValue.Low, _driver.ReadLevel(Pin));
        led.Dispose();
        Assert.Equal(PinValue.High, _driver.ReadLevel(Pin));
        Assert.False(_driver.IsOpen(Pin, out _));
    }

    [Fact]
    public void A_pattern_step_too_short_to_see_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => LedPattern.Blink("flicker", 5, 5));
        Assert.Contains("shorter than 20 ms", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _controller.Dispose();

    private void AdvanceInMilliseconds(int milliseconds)
    {
        for (var i = 0; i < milliseconds; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }
    }
}
