using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Devices.Simulated;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Simulation;

namespace TiepCongDan.Edge.Tests.Simulation;

/// <summary>The console's button, camera and microphone routes: through the simulated GPIO chip and the device control file, to what the panel and the node see.</summary>
public sealed class SimulationConsoleDevices_Tests
{
    [Fact]
    public async Task Hold_on_the_staff_button_is_a_long_press_of_the_real_panel()
    {
        await using var rig = await SimulationRig.StartAsync();

        var (status, body) = await rig.PostAsync($"/sim/buttons/staff/hold?ms={SimulationRig.LongPressMs + 400}");

        Assert.Equal(200, status);
        Assert.Equal(["Press", "LongPress", "Release"], Kinds(body));
        Assert.False((bool)body["pressed"]!);
        var seen = Drain(rig.Panel);
        Assert.Equal([ButtonEventKind.Press, ButtonEventKind.LongPress, ButtonEventKind.Release], seen.Where(e => e.Role == ButtonRole.Staff).Select(e => e.Kind));
    }

    [Fact]
    public async Task Click_is_a_click_and_press_then_release_are_the_two_halves()
    {
        await using var rig = await SimulationRig.StartAsync();

        var click = await rig.PostAsync("/sim/buttons/verySatisfied/click");
        Assert.Equal(200, click.Status);
        Assert.Equal(["Press", "Release", "Click"], Kinds(click.Body));
        Assert.Equal([ButtonEventKind.Press, ButtonEventKind.Release, ButtonEventKind.Click], Drain(rig.Panel).Select(e => e.Kind));

        var press = await rig.PostAsync("/sim/buttons/neutral/press");
        Assert.Equal((200, true), (press.Status, (bool)press.Body["pressed"]!));
        Assert.Equal(["Press"], Kinds(press.Body));
        Assert.True(rig.Panel.IsPressed(ButtonRole.Neutral));

        var release = await rig.PostAsync("/sim/buttons/neutral/release");
        Assert.Equal((200, false), (release.Status, (bool)release.Body["pressed"]!));
        Assert.Equal(["Release", "Click"], Kinds(release.Body));
        Assert.False(rig.Panel.IsPressed(ButtonRole.Neutral));
    }

    [Theory]
    [InlineData("/sim/buttons/boss/click", "no button 'boss'")]
    [InlineData("/sim/buttons/staff/smash", "no action 'smash'")]
    [InlineData("/sim/buttons/staff/hold?ms=0", "invalid ms")]
    [InlineData("/sim/buttons/staff/hold?ms=abc", "invalid ms")]
    [InlineData("/sim/buttons/staff/hold?ms=60001", "invalid ms")]
    public async Task Bad_button_requests_are_400_and_press_nothing(string path, string expected)
    {
        await using var rig = await SimulationRig.StartAsync();

        var (status, body) = await rig.PostAsync(path);

        Assert.Equal(400, status);
        Assert.Contains(expected, (string?)body["error"], StringComparison.Ordinal);
        Assert.Empty(Drain(rig.Panel));
    }

    [Fact]
    public async Task Without_a_button_panel_buttons_are_409()
    {
        await using var rig = await SimulationRig.StartAsync(new() { ["Edge:Buttons:Enabled"] = "false" });

        var (status, body) = await rig.PostAsync("/sim/buttons/staff/click");

        Assert.Equal(409, status);
        Assert.Contains("no button panel", (string?)body["error"], StringComparison.Ordinal);
        Assert.Equal("none", (string?)(await rig.SendAsync(HttpMethod.Get, "/sim/state")).Body["devices"]!["buttons"]);
    }

    [Fact]
    public async Task Camera_unplug_and_microphone_silence_reach_the_node_devices_and_the_capture_and_come_back()
    {
        await using var rig = await SimulationRig.StartAsync();
        // A tester's own entry in the control file survives the console's edits.
        await File.WriteAllTextAsync(rig.ControlFile, """{"speaker":{"status":"faulty","reason":"by hand"}}""");
        var node = new SimulatedDevicePortSet(rig.ControlFile, NullLogger.Instance);

        Assert.Equal("unplugged", (string?)(await rig.PostAsync("/sim/camera/unplug")).Body["camera"]);
        Assert.Equal("silent", (string?)(await rig.PostAsync("/sim/microphone/silence")).Body["microphone"]);
        node.Refresh();
        Assert.Equal(new Edge.Devices.DeviceReading(DeviceStatus.Absent, SimulatedDeviceFaults.CameraUnpluggedReason), node.Port(DeviceKinds.Camera).Current);
        Assert.Equal(new Edge.Devices.DeviceReading(DeviceStatus.Faulty, SimulatedDeviceFaults.MicrophoneSilentReason), node.Port(DeviceKinds.Microphone).Current);
        Assert.Equal(DeviceStatus.Faulty, node.Port(DeviceKinds.Speaker).Current.Status);
        var capture = new Edge.Media.Capture.CaptureSettings();
        var faults = (SimulatedDeviceFaults)rig.Host.Services.GetService(typeof(SimulatedDeviceFaults))!;
        faults.Follow(capture);
        Assert.True(capture.SimulatedCameraFrozen);
        Assert.True(capture.SimulatedMicrophoneSilent);
        var ffmpeg = string.Join(' ', Edge.Media.Encoders.FfmpegArguments.Build(capture, new Edge.Media.Encoders.EncodeSettings(1280, 720, 30, 2000, 64, Edge.Media.Encoders.EncoderKind.Libx264, 2), Edge.Media.Encoders.StreamOffsets.SessionStart(DateTimeOffset.UnixEpoch), analysis: false));
        Assert.Contains("smptebars=", ffmpeg, StringComparison.Ordinal);
        Assert.Contains("anullsrc=", ffmpeg, StringComparison.Ordinal);
        var state = (await rig.SendAsync(HttpMethod.Get, "/sim/state")).Body["devices"]!;
        Assert.Equal(("unplugged", "silent"), ((string?)state["camera"], (string?)state["microphone"]));

        Assert.Equal("plugged", (string?)(await rig.PostAsync("/sim/camera/replug")).Body["camera"]);
        Assert.Equal("normal", (string?)(await rig.PostAsync("/sim/microphone/restore")).Body["microphone"]);
        Assert.False(capture.SimulatedCameraFrozen);
        Assert.False(capture.SimulatedMicrophoneSilent);
        node.Refresh();
        Assert.Equal(DeviceStatus.Present, node.Port(DeviceKinds.Camera).Current.Status);
        Assert.Equal(DeviceStatus.Present, node.Port(DeviceKinds.Microphone).Current.Status);
        Assert.Equal(DeviceStatus.Faulty, node.Port(DeviceKinds.Speaker).Current.Status);
    }

    [Fact]
    public async Task A_broken_control_file_is_reported_not_overwritten()
    {
        await using var rig = await SimulationRig.StartAsync();
        await File.WriteAllTextAsync(rig.ControlFile, "{ half written");

        var (status, body) = await rig.PostAsync("/sim/camera/unplug");

        Assert.Equal(500, status);
        Assert.Contains("not valid JSON", (string?)body["error"], StringComparison.Ordinal);
        Assert.Equal("{ half written", await File.ReadAllTextAsync(rig.ControlFile));
    }

    [Fact]
    public void A_followed_real_camera_capture_is_left_alone_and_a_broken_file_does_not_stop_a_session()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tcd-sim-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var file = Path.Combine(directory, "simulated-devices.json");
            var faults = new SimulatedDeviceFaults(file);
            faults.UnplugCamera();
            var real = new Edge.Media.Capture.CaptureSettings { Source = Edge.Media.Capture.CaptureSource.V4l2 };
            faults.Follow(real);
            faults.SilenceMicrophone();
            Assert.False(real.SimulatedCameraFrozen || real.SimulatedMicrophoneSilent);

            File.WriteAllText(file, "[broken");
            var simulated = new Edge.Media.Capture.CaptureSettings();
            faults.Follow(simulated);
            Assert.False(simulated.SimulatedCameraFrozen);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Every_console_change_of_camera_or_microphone_is_announced_so_a_running_encoder_restarts_on_it()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tcd-sim-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var faults = new SimulatedDeviceFaults(Path.Combine(directory, "simulated-devices.json"));
            var capture = new Edge.Media.Capture.CaptureSettings();
            faults.Follow(capture);
            var seen = new List<bool>();
            faults.Changed += () => seen.Add(capture.SimulatedCameraFrozen);
            faults.UnplugCamera();
            faults.ReplugCamera();
            faults.SilenceMicrophone();
            faults.RestoreMicrophone();
            // Announced after the capture settings changed: the restarted encoder reads the new state.
            Assert.Equal([true, false, false, false], seen);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task With_a_real_camera_unplug_and_silence_are_409()
    {
        await using var rig = await SimulationRig.StartAsync(new() { ["Edge:Media:Source"] = "V4l2" });

        var (status, body) = await rig.PostAsync("/sim/camera/unplug");

        Assert.Equal(409, status);
        Assert.Contains("unplug it by hand", (string?)body["error"], StringComparison.Ordinal);
        Assert.Equal(409, (await rig.PostAsync("/sim/microphone/silence")).Status);
        Assert.False(File.Exists(rig.ControlFile));
    }

    [Fact]
    public async Task A_network_address_or_a_low_port_stops_the_start_with_the_sentence()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => SimulationRig.StartAsync(new() { ["Edge:Simulation:Address"] = "0.0.0.0" }));
        Assert.Contains("Edge:Simulation:Address is '0.0.0.0'", ex.Message, StringComparison.Ordinal);

        var byHand = Assert.Throws<OptionsValidationException>(() => new SimulationConsoleServer(
            Microsoft.Extensions.Options.Options.Create(new EdgeSimulationOptions { Port = 80 }),
            new SimulationConsoleDevices { Signals = new CardSignalFeed() },
            TimeProvider.System));
        Assert.Contains("Edge:Simulation:Port is 80", byHand.Message, StringComparison.Ordinal);
    }

    private static List<string> Kinds(JsonObject body) => body["events"]!.AsArray().Select(n => (string)n!).ToList();

    private static List<ButtonEvent> Drain(ButtonPanel panel)
    {
        var events = new List<ButtonEvent>();
        while (panel.Events.TryRead(out var e))
        {
            events.Add(e);
        }

        return events;
    }
}
