using System.Net.Http.Json;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.SelfTest;
using TiepCongDan.Edge.Service;

namespace TiepCongDan.Edge.Tests.SelfTest;

/// <summary>
/// `tcd-edge selftest` against the simulated devices (ffmpeg lavfi camera, speaker-to-microphone
/// WAV loop, simulated card reader, simulated GPIO panel, the real kiosk page server): passes when
/// all work, and names the part when one is made to fail.
/// </summary>
public sealed class SelfTestCommand_Devices_Tests : IDisposable
{
    private const string DeviceChecks = "camera,microphone,display,card-reader,buttons,clock";
    private readonly SelfTestKiosk _kiosk = new();

    [Fact]
    public async Task All_simulated_devices_pass_and_the_exit_code_is_zero()
    {
        var result = await _kiosk.RunAsync(_kiosk.Args("--only", DeviceChecks, "--no-send"));

        Assert.True(result.ExitCode == SelfTestCommand.Passed, result.Describe());
        Assert.True(result.Report!.Passed);
        Assert.Equal(DeviceChecks.Split(','), result.Report.Checks.Select(c => c.Id));
        Assert.All(result.Report.Checks, c => Assert.True(c.Status == SelfTestStatus.Pass, $"{c.Id}: {c.Status} {c.SummaryEn}"));
        Assert.Equal("1000", result.Check(SelfTestCheckIds.Microphone).Measurements["dominantHz"]);
        Assert.True(double.Parse(result.Check(SelfTestCheckIds.Camera).Measurements["meanDifference"], System.Globalization.CultureInfo.InvariantCulture) > 1);
        Assert.Equal("simulated", result.Check(SelfTestCheckIds.Buttons).Measurements["mode"]);
        Assert.Equal("simulated", result.Check(SelfTestCheckIds.CardReader).Measurements["reader"]);
        Assert.True(File.Exists(Path.Combine(_kiosk.DataDirectory, "selftest", "last-report.json")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_kiosk.DataDirectory, "selftest", "last-report.json")));
        }
    }

    [Fact]
    public async Task A_frozen_camera_fails_the_camera_only()
    {
        _kiosk.Faults.UnplugCamera();

        var result = await _kiosk.RunAsync(_kiosk.Args("--only", DeviceChecks, "--no-send"));

        Assert.True(result.ExitCode == SelfTestCommand.Failed, result.Describe());
        Assert.Equal([SelfTestCheckIds.Camera], result.Report!.FailedIds());
        var camera = result.Check(SelfTestCheckIds.Camera);
        Assert.Contains("đứng yên", camera.Summary, StringComparison.Ordinal);
        Assert.Equal("0", camera.Measurements["meanDifference"]);
        Assert.NotEmpty(camera.Advice);
    }

    [Fact]
    public async Task A_silent_microphone_fails_the_microphone_only()
    {
        _kiosk.Faults.SilenceMicrophone();

        var result = await _kiosk.RunAsync(_kiosk.Args("--only", DeviceChecks, "--no-send"));

        Assert.True(result.ExitCode == SelfTestCommand.Failed, result.Describe());
        Assert.Equal([SelfTestCheckIds.Microphone], result.Report!.FailedIds());
        Assert.Contains("im lặng", result.Check(SelfTestCheckIds.Microphone).Summary, StringComparison.Ordinal);
        Assert.Equal("simulated-silent", result.Check(SelfTestCheckIds.Microphone).Measurements["source"]);
    }

    [Fact]
    public async Task No_card_reader_fails_the_card_reader_only()
    {
        // A real PC/SC reader is configured, and none with this name exists (pcscd may not even run here).
        var result = await _kiosk.RunAsync(_kiosk.Args("--only", DeviceChecks, "--no-send",
            "--Edge:Card:Enabled=true", "--Edge:Card:ReaderName=No Such Reader SelfTest"), card: false);

        Assert.True(result.ExitCode == SelfTestCommand.Failed, result.Describe());
        Assert.Equal([SelfTestCheckIds.CardReader], result.Report!.FailedIds());
        var reader = result.Check(SelfTestCheckIds.CardReader);
        Assert.True(reader.Summary.Contains("đầu đọc", StringComparison.Ordinal), reader.Summary);
    }

    [Fact]
    public async Task No_card_on_the_reader_is_a_warning_not_a_failure()
    {
        var result = await _kiosk.RunAsync(_kiosk.Args("--only", "card-reader", "--no-send"), card: false);

        Assert.True(result.ExitCode == SelfTestCommand.Passed, result.Describe());
        Assert.Equal(SelfTestStatus.Warn, result.Check(SelfTestCheckIds.CardReader).Status);
    }

    [Fact]
    public async Task A_button_never_pressed_is_named_and_fails_the_buttons()
    {
        // By hand: the "technician" presses each button asked for through the simulation console,
        // as a trainee would with `tcd-edge sim button ... click`, except the neutral one.
        using var presser = new ConsolePresser(_kiosk.SimulationPort, skip: ButtonRole.Neutral);

        var result = await _kiosk.RunAsync(_kiosk.Args("--only", "buttons", "--no-send", "--by-hand", "--button-seconds", "4"), prompter: presser);

        Assert.True(result.ExitCode == SelfTestCommand.Failed, result.Describe());
        var buttons = result.Check(SelfTestCheckIds.Buttons);
        Assert.Equal(SelfTestStatus.Fail, buttons.Status);
        Assert.Equal("neutral", buttons.Measurements["missing"]);
        Assert.Contains("Nút Bình thường", buttons.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Nút của cán bộ", buttons.Summary, StringComparison.Ordinal);
        Assert.Equal("by-hand", buttons.Measurements["mode"]);
        Assert.Equal(ButtonRoleNames.All.Count, presser.Asked.Count);
        Assert.Empty(presser.Errors);
    }

    [Fact]
    public async Task The_hub_unreachable_fails_the_link_and_the_stream_and_the_report_is_kept_on_the_kiosk()
    {
        var result = await _kiosk.RunAsync(_kiosk.Args("--only", "hub-link,clock,srt-stream", "--Edge:Media:Srt:ReconnectMaxDelayMs=1000"));

        Assert.True(result.ExitCode == SelfTestCommand.Failed, result.Describe());
        Assert.Equal([SelfTestCheckIds.HubLink, SelfTestCheckIds.SrtStream], result.Report!.FailedIds());
        Assert.Contains("Không kết nối được tới trung tâm", result.Check(SelfTestCheckIds.HubLink).Summary, StringComparison.Ordinal);
        Assert.Contains("SRT", result.Check(SelfTestCheckIds.SrtStream).Summary, StringComparison.Ordinal);
        // The clock is synchronised (probe), the hub's offset unknown: a pass that says so.
        Assert.Equal(SelfTestStatus.Pass, result.Check(SelfTestCheckIds.Clock).Status);
        Assert.Contains("CHƯA gửi được báo cáo", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_kiosk.DataDirectory, "selftest", "last-report.json")));
    }

    [Fact]
    public async Task The_console_table_is_Vietnamese_and_English_with_en()
    {
        _kiosk.Faults.UnplugCamera();
        var args = _kiosk.Args("--only", "camera", "--no-send").Where(a => a != "--json").ToArray();

        var vi = await _kiosk.RunAsync(args);
        var en = await _kiosk.RunAsync([.. args, "--en"]);

        Assert.Equal(SelfTestCommand.Failed, vi.ExitCode);
        Assert.Contains("Hạng mục", vi.Output, StringComparison.Ordinal);
        Assert.Contains("LỖI", vi.Output, StringComparison.Ordinal);
        Assert.Contains("KẾT LUẬN: KHÔNG ĐẠT (1 hạng mục lỗi: Camera)", vi.Output, StringComparison.Ordinal);
        Assert.Contains("Cần làm (Camera):", vi.Output, StringComparison.Ordinal);
        Assert.Contains("RESULT: FAILED (1 part(s) failed: Camera)", en.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL", en.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kiosk_page_shows_the_prompts_and_the_verdict()
    {
        using var watcher = new ScreenWatcher(_kiosk.ScreenPort);

        var result = await _kiosk.RunAsync(_kiosk.Args("--only", "display,buttons", "--no-send"), prompter: watcher);

        Assert.True(result.ExitCode == SelfTestCommand.Passed, result.Describe());
        Assert.Contains(watcher.Seen, s => s.Contains("Tự kiểm tra: Nhấn Nút của cán bộ", StringComparison.Ordinal));
        Assert.Contains("Tự kiểm tra: ĐẠT (2/2 hạng mục).", watcher.Final, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_option_is_a_usage_error()
    {
        var result = await _kiosk.RunAsync(["selftest", "--only", "camera,teapot"]);

        Assert.Equal(SelfTestCommand.Usage, result.ExitCode);
        Assert.Contains("unknown check 'teapot'", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _kiosk.Dispose();

    /// <summary>Reads the kiosk page's state at each prompt and at the end (the page server is up during the run).</summary>
    private sealed class ScreenWatcher(int port) : ISelfTestPrompter, IDisposable
    {
        private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };

        public List<string> Seen { get; } = [];

        public string Final { get; private set; } = string.Empty;

        public void Prompt(SelfTestPrompt prompt) => Seen.Add(Read());

        // Called after the screen prompter (the console first, then the test): the page shows the verdict now.
        public void Finished(SelfTestReport report) => Final = Read();

        public void Dispose() => _http.Dispose();

        private string Read() => _http.GetFromJsonAsync<System.Text.Json.JsonElement>("api/screen/state").GetAwaiter().GetResult().GetProperty("instruction").GetString() ?? string.Empty;
    }
}
