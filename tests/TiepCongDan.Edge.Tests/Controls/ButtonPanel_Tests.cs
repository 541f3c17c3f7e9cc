using System.Device.Gpio;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Devices;
using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Tests.Controls;

/// <summary>The panel: roles on events, the channel, the button-panel device's health and metrics, the lights.</summary>
public sealed class ButtonPanel_Tests
{
    [Fact]
    public void A_rating_click_arrives_on_the_channel_with_its_role()
    {
        using var rig = new PanelRig();
        rig.Click(ButtonRole.Satisfied);

        var read = new List<ButtonEvent>();
        while (rig.Panel.Events.TryRead(out var e))
        {
            read.Add(e);
        }

        Assert.Equal(
            [(ButtonRole.Satisfied, ButtonEventKind.Press), (ButtonRole.Satisfied, ButtonEventKind.Release), (ButtonRole.Satisfied, ButtonEventKind.Click)],
            read.Select(e => (e.Role, e.Kind)));
        Assert.Equal(read, rig.Events);
    }

    [Fact]
    public void Bounce_on_the_staff_button_does_not_double_start()
    {
        using var rig = new PanelRig();
        var staff = rig.Map.PinOf(ButtonRole.Staff);
        rig.Driver.Bounce(staff, endPressed: true, edges: 9, betweenEdges: () => rig.Advance(2));
        rig.Advance(120);
        rig.Driver.Bounce(staff, endPressed: false, edges: 7, betweenEdges: () => rig.Advance(2));
        rig.Advance(100);

        Assert.Single(rig.Events, e => e is { Role: ButtonRole.Staff, Kind: ButtonEventKind.Click });
        Assert.Single(rig.Events, e => e.Kind == ButtonEventKind.Press);
        Assert.Equal(SparkplugValue.OfUInt64(14), rig.Panel.Port.Metrics[ButtonPanelMetrics.BounceEdges]);
    }

    [Fact]
    public void A_stuck_staff_button_makes_the_device_faulty_with_a_Vietnamese_reason_and_it_recovers_on_release()
    {
        using var rig = new PanelRig();
        Assert.Equal(DeviceReading.Present, rig.Panel.Port.Current);
        Assert.Equal(DeviceKinds.ButtonPanel, rig.Panel.Port.Kind);

        rig.Press(ButtonRole.Staff);
        rig.Advance(31_000);

        var reading = rig.Panel.Port.Current;
        Assert.Equal(DeviceStatus.Faulty, reading.Status);
        Assert.StartsWith("Nút của cán bộ bị kẹt", reading.Reason, StringComparison.Ordinal);
        Assert.Equal(SparkplugValue.Of("staff"), rig.Panel.Port.Metrics[ButtonPanelMetrics.StuckButtons]);
        Assert.Contains(rig.Events, e => e is { Role: ButtonRole.Staff, Kind: ButtonEventKind.Stuck });

        // Another button keeps working while one is stuck.
        rig.Click(ButtonRole.Neutral);
        Assert.Contains(rig.Events, e => e is { Role: ButtonRole.Neutral, Kind: ButtonEventKind.Click });

        rig.Release(ButtonRole.Staff);
        rig.Advance(50);
        Assert.Equal(DeviceReading.Present, rig.Panel.Port.Current);
        Assert.Equal(SparkplugValue.Of(string.Empty), rig.Panel.Port.Metrics[ButtonPanelMetrics.StuckButtons]);
        Assert.Contains(rig.Events, e => e is { Role: ButtonRole.Staff, Kind: ButtonEventKind.Recovered });
        Assert.DoesNotContain(rig.Events, e => e is { Role: ButtonRole.Staff, Kind: ButtonEventKind.Click });
    }

    [Fact]
    public void Two_stuck_buttons_are_both_named()
    {
        using var rig = new PanelRig();
        rig.Press(ButtonRole.Staff);
        rig.Press(ButtonRole.Dissatisfied);
        rig.Advance(31_000);

        var reason = rig.Panel.Port.Current.Reason;
        Assert.Contains("Nút của cán bộ bị kẹt", reason, StringComparison.Ordinal);
        Assert.Contains("Nút Không hài lòng bị kẹt", reason, StringComparison.Ordinal);
        Assert.Equal(SparkplugValue.Of("staff,dissatisfied"), rig.Panel.Port.Metrics[ButtonPanelMetrics.StuckButtons]);
    }

    [Fact]
    public void The_metrics_count_presses_and_long_presses_and_name_the_board_and_light()
    {
        using var rig = new PanelRig();
        rig.Click(ButtonRole.VerySatisfied);
        rig.Click(ButtonRole.Staff);
        rig.Press(ButtonRole.Staff);
        rig.Advance(3_100);
        rig.Release(ButtonRole.Staff);
        rig.Advance(50);
        rig.Panel.ShowStatus(StatusLedMode.Live);

        var metrics = rig.Panel.Port.Metrics;
        Assert.Equal(SparkplugValue.OfUInt64(3), metrics[ButtonPanelMetrics.Presses]);
        Assert.Equal(SparkplugValue.OfUInt64(1), metrics[ButtonPanelMetrics.LongPresses]);
        Assert.Equal(SparkplugValue.Of("simulated"), metrics[ButtonPanelMetrics.Board]);
        Assert.Equal(SparkplugValue.Of("live"), metrics[ButtonPanelMetrics.StatusLight]);
    }

    [Fact]
    public void Live_lights_the_on_air_light_steadily_and_other_modes_leave_it_dark()
    {
        using var rig = new PanelRig();
        var live = rig.Map.LiveLed!.Value;
        var status = rig.Map.StatusLed;

        rig.Panel.ShowStatus(StatusLedMode.Live);
        for (var i = 0; i < 50; i++)
        {
            rig.Advance(100);
            Assert.Equal(PinValue.High, rig.Driver.ReadLevel(live));
        }

        rig.Panel.ShowStatus(StatusLedMode.Ready);
        Assert.Equal(PinValue.Low, rig.Driver.ReadLevel(live));
        Assert.Equal(PinValue.High, rig.Driver.ReadLevel(status));
        Assert.Equal(StatusLedMode.Ready, rig.Panel.Status);
    }

    [Fact]
    public void Disposing_the_panel_darkens_the_lights_and_closes_the_controller()
    {
        var rig = new PanelRig();
        rig.Panel.ShowStatus(StatusLedMode.Live);
        rig.Panel.Dispose();

        Assert.Equal(PinValue.Low, rig.Driver.ReadLevel(rig.Map.StatusLed));
        Assert.Equal(PinValue.Low, rig.Driver.ReadLevel(rig.Map.LiveLed!.Value));
        Assert.All(ButtonRoleNames.All, r => Assert.False(rig.Driver.IsOpen(rig.Map.PinOf(r), out _)));
        Assert.True(rig.Panel.Events.Completion.IsCompleted);
    }

    [Fact]
    public void A_throwing_observer_does_not_stop_the_channel()
    {
        using var rig = new PanelRig();
        rig.Panel.ButtonChanged += (_, _) => throw new InvalidOperationException("observer bug");
        rig.Click(ButtonRole.Neutral);

        Assert.Equal(3, rig.Panel.Events.Count);
    }

    [Fact]
    public void The_factory_builds_the_simulated_panel_from_default_options_without_installed_boards()
    {
        var options = new EdgeButtonsOptions { BoardsDirectory = Path.Combine(Path.GetTempPath(), "tcd-no-boards-" + Guid.NewGuid().ToString("N")) };
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var (panel, simulator) = ButtonPanelFactory.Create(options, time, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        using (panel)
        {
            Assert.NotNull(simulator);
            var events = new List<ButtonEvent>();
            panel.ButtonChanged += (_, e) => events.Add(e);

            simulator.Press(ButtonRole.Staff);
            time.Advance(TimeSpan.FromMilliseconds(100));
            simulator.Release(ButtonRole.Staff);
            time.Advance(TimeSpan.FromMilliseconds(100));

            Assert.Contains(new ButtonEvent(ButtonRole.Staff, ButtonEventKind.Click, time.GetUtcNow() - TimeSpan.FromMilliseconds(100)), events);
        }
    }

    [Fact]
    public void A_gpio_chip_that_cannot_be_opened_is_explained_with_the_package_and_the_device()
    {
        // Chip 63 exists on no board we know, so this fails the same with or without libgpiod installed.
        var options = new EdgeButtonsOptions { Board = "raspberry-pi-4", BoardsDirectory = RepoFiles.BoardsDirectory, GpioChip = 63 };
        var ex = Assert.Throws<InvalidOperationException>(() => ButtonPanelFactory.Create(options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        Assert.StartsWith("Cannot open the button panel of board 'raspberry-pi-4' on /dev/gpiochip63 through libgpiod:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Debian package libgpiod2", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public void The_chip_is_chosen_by_its_label_whatever_its_number()
    {
        var map = BoardPinMap.Simulated with { Driver = GpioDriverKinds.Libgpiod, ChipLabel = "pinctrl-rp1" };
        GpioChipInfo[] chips = [new(0, "gpiochip0", "gpio-brcmstb@107d508500", 32), new(4, "gpiochip4", "pinctrl-rp1", 54)];
        Assert.Equal(4, ButtonPanelFactory.ChipByLabel(chips, map).Id);
    }

    [Fact]
    public void A_missing_chip_label_lists_the_chips_there_are()
    {
        var map = BoardPinMap.Simulated with { Board = "raspberry-pi-5", Driver = GpioDriverKinds.Libgpiod, ChipLabel = "pinctrl-rp1" };
        GpioChipInfo[] chips = [new(0, "gpiochip0", "pinctrl-bcm2711", 58)];
        var ex = Assert.Throws<InvalidOperationException>(() => ButtonPanelFactory.ChipByLabel(chips, map));
        Assert.Equal(
            "No GPIO chip labelled 'pinctrl-rp1' for board 'raspberry-pi-5': the chips here are gpiochip0 [pinctrl-bcm2711]. Wrong board in Edge:Buttons:Board, or set Edge:Buttons:GpioChip to choose a chip by number.",
            ex.Message);
    }

    public static TheoryData<string> BoardFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoFiles.BoardsDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BoardFiles))]
    public void Every_board_wires_each_button_to_its_own_role(string file)
    {
        var map = BoardPinMapReader.Load(Path.Combine(RepoFiles.BoardsDirectory, file));
        using var rig = new PanelRig(map);
        foreach (var role in ButtonRoleNames.All)
        {
            rig.Events.Clear();
            rig.Click(role);
            Assert.Equal([role], rig.Events.Where(e => e.Kind == ButtonEventKind.Click).Select(e => e.Role));
        }

        rig.Panel.ShowStatus(StatusLedMode.Ready);
        Assert.Equal(PinValue.High, rig.Driver.ReadLevel(map.StatusLed));
    }
}
