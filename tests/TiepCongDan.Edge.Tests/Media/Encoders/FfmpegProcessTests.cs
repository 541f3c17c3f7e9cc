using System.Globalization;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Media.Encoders;

namespace TiepCongDan.Edge.Tests.Media.Encoders;

/// <summary>Real ffmpeg (Debian's package) through <see cref="FfmpegProcess"/> with the simulated source.</summary>
public sealed class FfmpegProcessTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Simulated_720p_encodes_h264_aac_with_keyframes_every_2s_and_consecutive_stamps()
    {
        var file = _directory.File("hd.ts");
        var encode = new EncodeSettings(1280, 720, 30, 1000, 64, EncoderKind.Libx264);
        var (health, exitCode) = await EncodeAsync(new CaptureSettings(), encode, new StreamOffsets(0, 0, 1_763_866_000_000), file, TimeSpan.FromSeconds(6));

        Assert.Equal(0, exitCode);
        var streams = FfmpegTool.Probe(file, "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0");
        Assert.Contains("h264,1280,720", streams, StringComparison.Ordinal);
        Assert.Contains("aac", streams, StringComparison.Ordinal);
        var keyframes = FfmpegTool.KeyframeTimes(file);
        Assert.True(keyframes.Count >= 2, $"keyframes at {string.Join(' ', keyframes)}");
        Assert.All(keyframes.Zip(keyframes.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 1.9, 2.05));
        var stamps = FfmpegTool.ReadStamps(file, 1280, 720);
        Assert.True(stamps.Count >= 30, $"only {stamps.Count} frames");
        Assert.Equal(Enumerable.Range(0, stamps.Count).Select(i => (uint)i), stamps.Select(s => s.FrameNumber));
        Assert.True(health.FramesOut > 0, "no -progress frame count parsed");
        Assert.NotNull(health.AudioRmsDbfs);
        Assert.InRange(health.AudioRmsDbfs!.Value, -30, -10);
        Assert.Null(health.SilenceSince);
        Assert.Null(health.FrozenSince);
    }

    [Fact]
    public async Task Silent_microphone_and_frozen_camera_are_detected()
    {
        var capture = new CaptureSettings { Width = 640, Height = 360, SimulatedMicrophoneSilent = true, SimulatedCameraFrozen = true };
        var encode = new EncodeSettings(640, 360, 30, 300, 64, EncoderKind.Libx264);
        var (health, _) = await EncodeAsync(capture, encode, new StreamOffsets(0, 0, 1_763_866_000_000), _directory.File("still.ts"), TimeSpan.FromSeconds(5));

        Assert.NotNull(health.SilenceSince);
        Assert.NotNull(health.FrozenSince);
        Assert.Equal(double.NegativeInfinity, health.AudioRmsDbfs);
        // The stamp keeps counting on a frozen picture: the pipeline is alive, the camera is not.
        var stamps = FfmpegTool.ReadStamps(_directory.File("still.ts"), 640, 360);
        Assert.Equal(Enumerable.Range(0, stamps.Count).Select(i => (uint)i), stamps.Select(s => s.FrameNumber));
    }

    [Fact]
    public async Task Frame_and_timestamp_offsets_continue_a_session()
    {
        var file = _directory.File("continued.ts");
        var capture = new CaptureSettings { Width = 640, Height = 360 };
        var encode = new EncodeSettings(640, 360, 30, 300, 64, EncoderKind.Libx264);
        await EncodeAsync(capture, encode, new StreamOffsets(100, 3000, 1_763_866_100_000), file, TimeSpan.FromSeconds(3));

        var stamps = FfmpegTool.ReadStamps(file, 640, 360);
        Assert.Equal(3000u, stamps[0].FrameNumber);
        Assert.Equal(1_763_866_100_000, stamps[0].CaptureUnixMs);
        var firstPts = FfmpegTool.Probe(file, "-select_streams", "v:0", "-read_intervals", "%+#1", "-show_entries", "frame=pts_time", "-of", "csv=p=0");
        Assert.InRange(double.Parse(firstPts.Trim().TrimEnd(','), CultureInfo.InvariantCulture), 99.9, 100.6);
    }

    [Fact]
    public async Task Missing_camera_exit_is_explained_in_vietnamese()
    {
        var capture = new CaptureSettings { Source = CaptureSource.V4l2, CameraDevice = "/dev/v4l/by-id/usb-none-video-index0", MicrophoneCard = "Device" };
        var devices = new ResolvedDevices(new V4l2Negotiation("mjpeg", 1280, 720, string.Empty), "hw:CARD=Device,DEV=0");
        var args = FfmpegArguments.Build(capture, new EncodeSettings(1280, 720, 30, 1000, 64, EncoderKind.Libx264), new StreamOffsets(0, 0, 0), analysis: true, devices);
        await using var ffmpeg = FfmpegProcess.Start(new FfmpegStartInfo("ffmpeg", args, capture.CameraDevice, devices.AlsaDevice), _ => { }, TimeProvider.System);

        var exitCode = await ffmpeg.Exited.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.NotEqual(0, exitCode);
        Assert.Equal("Không tìm thấy camera /dev/v4l/by-id/usb-none-video-index0 (camera not found): kiểm tra dây USB của camera.", ffmpeg.FailureReason);
        Assert.Contains("[error]", ffmpeg.Health.LastErrorLine, StringComparison.Ordinal);
    }

    private static async Task<(EncoderHealth Health, int ExitCode)> EncodeAsync(CaptureSettings capture, EncodeSettings encode, StreamOffsets offsets, string file, TimeSpan duration)
    {
        var args = FfmpegArguments.Build(capture, encode, offsets, analysis: true);
        await using var output = File.Create(file);
        await using var ffmpeg = FfmpegProcess.Start(new FfmpegStartInfo("ffmpeg", args), bytes => output.Write(bytes), TimeProvider.System);
        await Task.Delay(duration);
        var health = ffmpeg.Health;
        Assert.False(ffmpeg.Exited.IsCompleted, $"ffmpeg stopped early: {string.Join('\n', ffmpeg.LastLines)}");
        await ffmpeg.StopAsync(TimeSpan.FromSeconds(10));
        return (health, await ffmpeg.Exited);
    }
}
