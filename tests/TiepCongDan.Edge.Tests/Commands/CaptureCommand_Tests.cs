using TiepCongDan.Contracts.Commands;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Commands;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Reception;

namespace TiepCongDan.Edge.Tests.Commands;

public sealed class CaptureCommand_Tests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_still_from_the_simulated_lavfi_camera_is_a_jpeg()
    {
        var capture = new CaptureSettings { Source = CaptureSource.Simulated, Width = 320, Height = 180, Fps = 15 };
        var result = await new CameraStill(capture, TimeSpan.FromSeconds(30)).CaptureAsync("14-04171", Now, CancellationToken.None);

        Assert.Equal(CommandStates.Done, result.State);
        var jpeg = result.Artifact!.Bytes;
        Assert.Equal("image/jpeg", result.Artifact.ContentType);
        Assert.Equal("camera-14-04171-20261123-083000.jpg", result.Artifact.FileName);
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, jpeg[..2]);
        Assert.Equal(new byte[] { 0xFF, 0xD9 }, jpeg[^2..]);
        Assert.True(jpeg.Length > 1000, $"a 320x180 test picture is more than {jpeg.Length} bytes");
    }

    [Fact]
    public async Task The_screenshot_runs_the_configured_program_and_wants_a_png()
    {
        var png = await new ScreenCapture(new EdgeCommandOptions { ScreenshotCommand = CommandTestKit.PngCommand }).CaptureAsync("14-04171", Now, CancellationToken.None);
        Assert.Equal(CommandStates.Done, png.State);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png.Artifact!.Bytes[..4]);
        Assert.Equal("image/png", png.Artifact.ContentType);

        var text = await new ScreenCapture(new EdgeCommandOptions { ScreenshotCommand = "echo not a picture" }).CaptureAsync("14-04171", Now, CancellationToken.None);
        Assert.Equal(CommandStates.Failed, text.State);
        Assert.Contains("không trả về ảnh PNG", text.Message, StringComparison.Ordinal);
        Assert.Null(text.Artifact);

        var missing = await new ScreenCapture(new EdgeCommandOptions { ScreenshotCommand = "tcd-no-such-grim -t png -" }).CaptureAsync("14-04171", Now, CancellationToken.None);
        Assert.Equal(CommandStates.Failed, missing.State);
        Assert.Contains("tcd-no-such-grim cannot be run", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Edge:Mqtt:Password", true)]
    [InlineData("Edge:Mqtt:PasswordFile", false)]
    [InlineData("Edge:Media:Srt:Passphrase", true)]
    [InlineData("Edge:Media:Store:KeyPath", false)]
    [InlineData("Edge:Card:Can", true)]
    [InlineData("Edge:Reception:ApiToken", true)]
    [InlineData("Edge:KioskId", false)]
    public void Settings_named_like_secrets_are_masked_but_paths_to_them_are_shown(string key, bool secret) =>
        Assert.Equal(secret, SecretRedactor.IsSecretKey(key));

    [Fact]
    public void Wrong_command_settings_are_named()
    {
        var problems = new EdgeCommandOptions { ScreenshotCommand = " ", ProgramTimeoutSeconds = 0 }.Problems();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Edge:Commands:ScreenshotCommand is empty", StringComparison.Ordinal));
        Assert.Empty(new EdgeCommandOptions().Problems());
    }

    [Theory]
    [InlineData(NodeMetrics.Screenshot)]
    [InlineData(NodeMetrics.CameraStill)]
    public async Task With_a_citizen_at_the_kiosk_the_kiosk_refuses_and_runs_nothing(string metric)
    {
        var marker = Path.Combine(Path.GetTempPath(), "tcd-screenshot-ran-" + Guid.NewGuid().ToString("N"));
        using var kit = new CommandTestKit(new EdgeCommandOptions { ScreenshotCommand = "touch " + marker }, new CommandTestKit.FixedReception(ReceptionState.Live));

        var result = await kit.Runner.RunAsync(metric, "c1", CancellationToken.None);

        Assert.Equal(CommandStates.Refused, result.State);
        Assert.Equal(RemoteCommandRunner.CitizenPresent, result.Message);
        Assert.False(File.Exists(marker));
        var (method, path, _, body) = Assert.Single(kit.Hub.Requests);
        Assert.Equal(("POST", "/api/kiosk/commands/c1/result"), (method, path));
        Assert.Contains("\"state\":\"refused\"", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idle_kiosk_uploads_the_screenshot_before_it_reports_done()
    {
        using var kit = new CommandTestKit(reception: new CommandTestKit.FixedReception(ReceptionState.Idle));

        var result = await kit.Runner.RunAsync(NodeMetrics.Screenshot, "c2", CancellationToken.None);

        Assert.Equal(CommandStates.Done, result.State);
        var requests = kit.Hub.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal("PUT", requests[0].Method);
        Assert.StartsWith("/api/kiosk/commands/c2/artifact?name=screen-14-04171-", requests[0].Path, StringComparison.Ordinal);
        Assert.Equal("image/png", requests[0].ContentType);
        Assert.Equal(result.Artifact!.Bytes, requests[0].Body);
        Assert.Equal(("POST", "/api/kiosk/commands/c2/result"), (requests[1].Method, requests[1].Path));
    }
}
