using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Media.Encoders;

namespace TiepCongDan.Edge.Tests.Media.Encoders;

public sealed class EncoderHealthTrackerTests
{
    [Fact]
    public void Progress_analysis_and_error_lines_fill_the_snapshot()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var tracker = new EncoderHealthTracker(time);
        foreach (var line in new[]
        {
            "frame=181", "fps=30.01", "bitrate= 998.3kbits/s", "drop_frames=2", "dup_frames=1", "speed=1.00x", "progress=continue",
            "[Parsed_ametadata_9 @ 0x55] [info] lavfi.astats.Overall.RMS_level=-21.12",
            "[Parsed_freezedetect_5 @ 0x55] [info] lavfi.freezedetect.freeze_start: 3.1",
            "[silencedetect @ 0x55] [info] silence_start: 0.5",
            "[v4l2 @ 0x55] [error] Cannot open video device /dev/video0: No such file or directory",
        })
        {
            tracker.Observe(line);
        }

        var health = tracker.Snapshot;
        Assert.Equal(181, health.FramesOut);
        Assert.Equal(30.01, health.Fps, 3);
        Assert.Equal(998.3, health.OutputKbps, 3);
        Assert.Equal(2, health.DroppedFrames);
        Assert.Equal(1, health.DuplicatedFrames);
        Assert.Equal(1.0, health.Speed, 3);
        Assert.Equal(-21.12, health.AudioRmsDbfs!.Value, 3);
        Assert.Equal(time.GetUtcNow(), health.FrozenSince);
        Assert.Equal(time.GetUtcNow(), health.SilenceSince);
        Assert.Contains("No such file or directory", health.LastErrorLine, StringComparison.Ordinal);

        tracker.Observe("[Parsed_freezedetect_5 @ 0x55] [info] lavfi.freezedetect.freeze_end: 9.0");
        tracker.Observe("[silencedetect @ 0x55] [info] silence_end: 9 | silence_duration: 8.5");
        tracker.Observe("[Parsed_ametadata_9 @ 0x55] [info] lavfi.astats.Overall.RMS_level=-inf");
        Assert.Null(tracker.Snapshot.FrozenSince);
        Assert.Null(tracker.Snapshot.SilenceSince);
        Assert.Equal(double.NegativeInfinity, tracker.Snapshot.AudioRmsDbfs);
    }

    [Fact]
    public void Failure_reason_names_the_missing_camera_in_vietnamese()
    {
        var reason = FfmpegFailureExplainer.Explain(
            ["[video4linux2,v4l2 @ 0x1] [error] Cannot open video device /dev/v4l/by-id/usb-x-video-index0: No such file or directory"],
            1,
            "/dev/v4l/by-id/usb-x-video-index0",
            "hw:CARD=Device,DEV=0");

        Assert.Equal("Không tìm thấy camera /dev/v4l/by-id/usb-x-video-index0 (camera not found): kiểm tra dây USB của camera.", reason);
    }
}
