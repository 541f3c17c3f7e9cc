using System.Collections.Concurrent;
using System.Diagnostics;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Media.Encoders;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Media.Encoders;

/// <summary>The supervisor with real ffmpeg: absent devices, a killed child, a ladder change.</summary>
public sealed class FfmpegSupervisorTests : IDisposable
{
    private static readonly EncodeSettings Low = new(640, 360, 30, 300, 64, EncoderKind.Libx264);
    private readonly TempDirectory _directory = new();
    private readonly RecordingLogger _logger = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Missing_camera_is_reported_absent_polled_and_retried_when_it_appears()
    {
        Directory.CreateDirectory(_directory.File("proc/asound"));
        File.WriteAllText(_directory.File("proc/asound/cards"), " 1 [Device         ]: USB-Audio - USB Audio Device\n");
        const string camera = "/dev/v4l/by-id/usb-tcd-test-camera-video-index0";
        var capture = new CaptureSettings { Source = CaptureSource.V4l2, CameraDevice = camera, MicrophoneCard = "Device", Width = 640, Height = 360 };
        var options = new FfmpegSupervisorOptions
        {
            CameraLocator = new V4l2DeviceLocator(_directory.Path),
            MicrophoneLocator = new AlsaCardLocator(_directory.Path),
            DevicePollInterval = TimeSpan.FromMilliseconds(200),
            MinRestartDelay = TimeSpan.FromMilliseconds(200),
        };
        await using var supervisor = new FfmpegSupervisor(capture, Low, TimeProvider.System, _logger, _ => { }, options);
        supervisor.Start();

        await WaitUntil(() => supervisor.CameraReading.Status == DeviceStatus.Absent, "camera reported absent");
        await Task.Delay(1000);
        Assert.Equal($"Không tìm thấy camera {camera} (camera not found): kiểm tra dây USB của camera.", supervisor.CameraReading.Reason);
        Assert.Equal(DeviceStatus.Present, supervisor.MicrophoneReading.Status);
        Assert.Null(supervisor.CurrentPid);
        Assert.Single(_logger.Entries, e => e.EventId == 7102);

        // Plugged in (in the fake /dev): the supervisor goes on to start ffmpeg, which cannot open the
        // real path; it must explain that and keep retrying rather than give up or throw.
        Directory.CreateDirectory(_directory.File("dev/v4l/by-id"));
        File.WriteAllText(_directory.File("dev/video0"), string.Empty);
        File.CreateSymbolicLink(_directory.File(camera.TrimStart('/')), "../../video0");
        await WaitUntil(() => supervisor.Restarts >= 2, "two restarts after the camera appeared");
        Assert.Equal(DeviceStatus.Present, supervisor.CameraReading.Status);
        Assert.Contains(_logger.Entries, e => e.EventId == 7103);
        Assert.Equal($"Không tìm thấy camera {camera} (camera not found): kiểm tra dây USB của camera.", supervisor.LastFailureReason);
    }

    [Fact]
    public async Task Killed_ffmpeg_is_restarted_with_back_off_and_continuing_offsets()
    {
        var started = new ConcurrentQueue<FfmpegStartedEventArgs>();
        var capture = new CaptureSettings { Width = 640, Height = 360 };
        await using var supervisor = new FfmpegSupervisor(capture, Low, TimeProvider.System, _logger, _ => { });
        supervisor.ProcessStarted += (_, e) => started.Enqueue(e);
        supervisor.Start();
        await WaitUntil(() => started.Count == 1 && supervisor.Health.FramesOut > 0, "first ffmpeg encoding");
        var first = started.Single();

        using (var child = Process.GetProcessById(first.Pid))
        {
            child.Kill();
        }

        await WaitUntil(() => started.Count == 2, "ffmpeg restarted after SIGKILL");
        var second = started.Last();
        Assert.NotEqual(first.Pid, second.Pid);
        Assert.Equal(1, supervisor.Restarts);
        Assert.Contains(_logger.Entries, e => e.EventId == 7101);
        Assert.NotEmpty(supervisor.LastFailureReason);
        // At least the minimum back-off (1 s) passed: the restart continues the session's time.
        Assert.True(second.Offsets.OutputTsOffsetSeconds >= 1, $"offset {second.Offsets.OutputTsOffsetSeconds}");
        Assert.InRange(second.Offsets.FrameOffset, (long)(second.Offsets.OutputTsOffsetSeconds * 30) - 1, (long)(second.Offsets.OutputTsOffsetSeconds * 30) + 1);
    }

    [Fact]
    public async Task Ladder_restart_continues_stamp_numbers_and_timestamps()
    {
        var generations = new List<MemoryStream>();
        var started = new List<FfmpegStartedEventArgs>();
        var capture = new CaptureSettings { Width = 640, Height = 360 };
        await using var supervisor = new FfmpegSupervisor(capture, Low, TimeProvider.System, _logger, bytes => generations[^1].Write(bytes));
        supervisor.ProcessStarted += (_, e) =>
        {
            started.Add(e);
            generations.Add(new MemoryStream());
        };
        supervisor.Start();
        await WaitUntil(() => supervisor.Health.FramesOut >= 45, "first rung encoding");

        await supervisor.RestartAsync(Low with { VideoKbps = 200 }).WaitAsync(TimeSpan.FromSeconds(20));
        await WaitUntil(() => supervisor.Health.FramesOut >= 45, "second rung encoding");
        await supervisor.StopAsync();

        Assert.Equal(2, started.Count);
        Assert.Equal(0, supervisor.Restarts);
        Assert.Equal(200, supervisor.CurrentEncode.VideoKbps);
        var files = generations.Select((g, i) =>
        {
            var path = _directory.File($"gen{i}.ts");
            File.WriteAllBytes(path, g.ToArray());
            return path;
        }).ToList();
        var before = FfmpegTool.ReadStamps(files[0], 640, 360);
        var after = FfmpegTool.ReadStamps(files[1], 640, 360);
        Assert.Equal(Enumerable.Range(0, before.Count).Select(i => (uint)i), before.Select(s => s.FrameNumber));
        Assert.Equal((uint)started[1].Offsets.FrameOffset, after[0].FrameNumber);
        Assert.True(after[0].FrameNumber > before[^1].FrameNumber, $"{after[0].FrameNumber} after {before[^1].FrameNumber}");
        Assert.Equal(Enumerable.Range(0, after.Count).Select(i => after[0].FrameNumber + (uint)i), after.Select(s => s.FrameNumber));
        Assert.True(after[0].CaptureUnixMs > before[^1].CaptureUnixMs);
        var firstPts = FfmpegTool.Probe(files[1], "-select_streams", "v:0", "-read_intervals", "%+#1", "-show_entries", "frame=pts_time", "-of", "csv=p=0");
        Assert.InRange(double.Parse(firstPts.Trim().TrimEnd(','), System.Globalization.CultureInfo.InvariantCulture), started[1].Offsets.OutputTsOffsetSeconds - 0.1, started[1].Offsets.OutputTsOffsetSeconds + 0.5);
    }

    [Fact]
    public async Task Frozen_camera_and_silent_microphone_read_as_faulty_with_vietnamese_reasons()
    {
        var capture = new CaptureSettings { Width = 640, Height = 360, SimulatedCameraFrozen = true, SimulatedMicrophoneSilent = true };
        await using var supervisor = new FfmpegSupervisor(capture, Low, TimeProvider.System, _logger, _ => { });
        supervisor.Start();

        await WaitUntil(() => supervisor.CameraReading.Status == DeviceStatus.Faulty && supervisor.MicrophoneReading.Status == DeviceStatus.Faulty, "frozen and silent detected");

        Assert.StartsWith("Hình camera đứng yên từ", supervisor.CameraReading.Reason, StringComparison.Ordinal);
        Assert.StartsWith("Micro không thu được âm thanh từ", supervisor.MicrophoneReading.Reason, StringComparison.Ordinal);
        Assert.Equal(0, supervisor.Restarts);
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"timed out waiting for: {what}");
            await Task.Delay(50);
        }
    }
}
