using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Media.Encoders;

namespace TiepCongDan.Edge.Tests.Media.Encoders;

public sealed class FfmpegArgumentsTests
{
    private static readonly EncodeSettings Hd = new(1280, 720, 30, 1000, 64, EncoderKind.Libx264);

    [Fact]
    public void Simulated_720p_libx264_has_fixed_keyframes_cbr_and_continuation_offsets()
    {
        var args = FfmpegArguments.Build(new CaptureSettings(), Hd, new StreamOffsets(12.5, 375, 1_763_866_000_000), analysis: true);
        var line = string.Join(' ', args);

        Assert.Contains("-re -f lavfi -i testsrc2=size=1280x720:rate=30", line, StringComparison.Ordinal);
        Assert.Contains("-re -f lavfi -i sine=frequency=440:sample_rate=48000", line, StringComparison.Ordinal);
        Assert.Contains("N+375", line, StringComparison.Ordinal);
        Assert.Contains("-preset veryfast -tune zerolatency -pix_fmt yuv420p -b:v 1000k -maxrate 1000k -bufsize 1000k -g 60 -keyint_min 60 -sc_threshold 0 -force_key_frames expr:gte(t,n_forced*2)", line, StringComparison.Ordinal);
        Assert.Contains("freezedetect", line, StringComparison.Ordinal);
        Assert.Contains("silencedetect", line, StringComparison.Ordinal);
        Assert.DoesNotContain("scale=1280:720", line, StringComparison.Ordinal);
        Assert.Equal(["-output_ts_offset", "12.5", "pipe:1"], args.TakeLast(3));
    }

    [Fact]
    public void Lower_rung_scales_and_silent_frozen_sources_change_the_inputs()
    {
        var capture = new CaptureSettings { SimulatedCameraFrozen = true, SimulatedMicrophoneSilent = true };
        var line = string.Join(' ', FfmpegArguments.Build(capture, Hd with { Width = 640, Height = 360, VideoKbps = 300 }, StreamOffsets.SessionStart(DateTimeOffset.UnixEpoch), analysis: false));

        Assert.Contains("smptebars=size=1280x720", line, StringComparison.Ordinal);
        Assert.Contains("anullsrc=channel_layout=mono:sample_rate=48000", line, StringComparison.Ordinal);
        Assert.Contains("scale=640:360", line, StringComparison.Ordinal);
        Assert.DoesNotContain("freezedetect", line, StringComparison.Ordinal);
    }

    [Fact]
    public void V4l2_uses_the_negotiated_mode_alsa_and_the_hardware_encoder()
    {
        var capture = new CaptureSettings { Source = CaptureSource.V4l2, CameraDevice = "/dev/v4l/by-id/usb-cam-video-index0", MicrophoneCard = "Device" };
        var devices = new ResolvedDevices(new V4l2Negotiation("mjpeg", 1280, 720, string.Empty), "hw:CARD=Device,DEV=0");
        var line = string.Join(' ', FfmpegArguments.Build(capture, Hd with { Encoder = EncoderKind.H264V4l2m2m }, StreamOffsets.SessionStart(DateTimeOffset.UnixEpoch), analysis: true, devices));

        Assert.Contains("-f v4l2 -thread_queue_size 512 -use_wallclock_as_timestamps 1 -input_format mjpeg -video_size 1280x720 -framerate 30 -i /dev/v4l/by-id/usb-cam-video-index0", line, StringComparison.Ordinal);
        Assert.Contains("-f alsa -thread_queue_size 512 -sample_rate 48000 -channels 1 -i hw:CARD=Device,DEV=0", line, StringComparison.Ordinal);
        Assert.Contains("-c:v h264_v4l2m2m", line, StringComparison.Ordinal);
        Assert.Contains("dump_extra=freq=keyframe", line, StringComparison.Ordinal);
        Assert.DoesNotContain("geq", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Unresolved_auto_encoder_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FfmpegArguments.Build(new CaptureSettings(), Hd with { Encoder = EncoderKind.Auto }, StreamOffsets.SessionStart(DateTimeOffset.UnixEpoch), analysis: true));
        Assert.Contains("EncoderSelector", error.Message, StringComparison.Ordinal);
    }
}
