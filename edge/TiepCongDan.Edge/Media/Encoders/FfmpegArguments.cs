using System.Globalization;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Edge.Media.Capture;

namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>
/// Builds ffmpeg's argument list (for ProcessStartInfo.ArgumentList: no shell, no quoting) for one
/// run: capture → H.264 + AAC → MPEG-TS on stdout, log and -progress on stderr. With analysis on,
/// a 64x36 copy of the picture feeds freezedetect and 1 s audio blocks feed astats and
/// silencedetect, so health costs little next to the encode.
/// </summary>
public static class FfmpegArguments
{
    private const int AnalysisWidth = 64;
    private const int AnalysisHeight = 36;

    /// <summary>
    /// ffmpeg's camera input, shared by the session's encoder and the self-test: the simulated test
    /// picture (smptebars, a still picture, while the simulated camera is unplugged: the session's frame
    /// stamp keeps counting on it) or the V4L2 camera in its negotiated <paramref name="mode"/>.
    /// </summary>
    public static IReadOnlyList<string> CameraInput(CaptureSettings capture, V4l2Negotiation? mode)
    {
        ArgumentNullException.ThrowIfNull(capture);
        if (capture.Source == CaptureSource.Simulated)
        {
            var picture = capture.SimulatedCameraFrozen ? "smptebars" : "testsrc2";
            return ["-re", "-f", "lavfi", "-i", $"{picture}=size={I(capture.Width)}x{I(capture.Height)}:rate={I(capture.Fps)}"];
        }

        ArgumentNullException.ThrowIfNull(mode);
        return ["-f", "v4l2", "-thread_queue_size", "512", "-use_wallclock_as_timestamps", "1",
            "-input_format", mode.InputFormat, "-video_size", $"{I(mode.Width)}x{I(mode.Height)}",
            "-framerate", I(capture.Fps), "-i", capture.CameraDevice];
    }

    public static IReadOnlyList<string> Build(CaptureSettings capture, EncodeSettings encode, StreamOffsets offsets, bool analysis, ResolvedDevices? devices = null)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(encode);
        ArgumentNullException.ThrowIfNull(offsets);
        capture.Validate();
        encode.Validated();
        if (encode.Encoder == EncoderKind.Auto)
        {
            throw new InvalidOperationException("Encode: resolve EncoderKind.Auto with EncoderSelector before building ffmpeg's arguments.");
        }

        var args = new List<string> { "-hide_banner", "-nostats", "-loglevel", "level+info", "-progress", "pipe:2", "-stats_period", "1" };
        var graph = new List<string>();
        int captureWidth;
        int captureHeight;
        string video;
        if (capture.Source == CaptureSource.Simulated)
        {
            (captureWidth, captureHeight) = (capture.Width, capture.Height);
            var sound = capture.SimulatedMicrophoneSilent
                ? $"anullsrc=channel_layout={Layout(capture)}:sample_rate={I(capture.AudioSampleRate)}"
                : $"sine=frequency=440:sample_rate={I(capture.AudioSampleRate)}";
            args.AddRange(CameraInput(capture, null));
            args.AddRange(["-re", "-f", "lavfi", "-i", sound]);
            graph.Add(FrameStamp.FilterGraph("0:v", "stamped", captureWidth, offsets.FrameOffset, offsets.FirstFrameUnixMs));
            video = "stamped";
        }
        else
        {
            if (devices is null)
            {
                throw new InvalidOperationException("Capture: a V4L2 start needs the negotiated camera mode and the ALSA device (ResolvedDevices).");
            }

            (captureWidth, captureHeight) = (devices.Camera.Width, devices.Camera.Height);
            args.AddRange(CameraInput(capture, devices.Camera));
            args.AddRange(["-f", "alsa", "-thread_queue_size", "512", "-sample_rate", I(capture.AudioSampleRate),
                "-channels", I(capture.AudioChannels), "-i", devices.AlsaDevice]);
            video = "0:v";
        }

        var videoChain = new List<string>();
        if (captureWidth != encode.Width || captureHeight != encode.Height)
        {
            videoChain.Add($"scale={I(encode.Width)}:{I(encode.Height)}");
        }

        if (capture.Fps != encode.Fps)
        {
            videoChain.Add($"fps={I(encode.Fps)}");
        }

        videoChain.Add("format=yuv420p");
        var audioChain = $"aresample=async=1000,aformat=sample_rates={I(capture.AudioSampleRate)}:channel_layouts={Layout(capture)}";
        if (analysis)
        {
            var strip = capture.Source == CaptureSource.Simulated ? FrameStamp.StripHeight(encode.Width) + 2 : 0;
            graph.Add($"[{video}]{string.Join(',', videoChain)},split[venc][vana]");
            graph.Add($"[vana]crop=iw:ih-{I(strip)}:0:{I(strip)},scale={I(AnalysisWidth)}:{I(AnalysisHeight)},freezedetect=n=-60dB:d=2,nullsink");
            graph.Add($"[1:a]{audioChain},asplit[aenc][aana]");
            // Level over about one second of audio frames, printed once per second. Not asetnsamples
            // to one-second blocks: that held the whole graph (and the encoder) ~2 s behind the clock.
            var perSecond = I(Math.Max(1, (int)Math.Round(capture.AudioSampleRate / 1024.0)));
            graph.Add($"[aana]silencedetect=n=-50dB:d=2,astats=metadata=1:reset={perSecond},aselect='not(mod(n\\,{perSecond}))',"
                + "ametadata=mode=print:key=lavfi.astats.Overall.RMS_level,anullsink");
        }
        else
        {
            graph.Add($"[{video}]{string.Join(',', videoChain)}[venc]");
            graph.Add($"[1:a]{audioChain}[aenc]");
        }

        args.AddRange(["-filter_complex", string.Join(';', graph), "-map", "[venc]", "-map", "[aenc]"]);
        var gop = I(encode.Fps * encode.KeyframeSeconds);
        var kbps = $"{I(encode.VideoKbps)}k";
        var forceKeyframes = $"expr:gte(t,n_forced*{I(encode.KeyframeSeconds)})";
        if (encode.Encoder == EncoderKind.Libx264)
        {
            args.AddRange(["-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-pix_fmt", "yuv420p",
                "-b:v", kbps, "-maxrate", kbps, "-bufsize", kbps,
                "-g", gop, "-keyint_min", gop, "-sc_threshold", "0", "-force_key_frames", forceKeyframes]);
        }
        else
        {
            // The Pi's encoder sends SPS/PPS once; a segment must start decodable, so repeat them on keyframes.
            args.AddRange(["-c:v", "h264_v4l2m2m", "-pix_fmt", "yuv420p", "-b:v", kbps, "-g", gop,
                "-force_key_frames", forceKeyframes, "-num_output_buffers", "32", "-num_capture_buffers", "16",
                "-bsf:v", "dump_extra=freq=keyframe"]);
        }

        args.AddRange(["-c:a", "aac", "-b:a", $"{I(encode.AudioKbps)}k", "-ar", I(capture.AudioSampleRate), "-ac", I(capture.AudioChannels)]);
        args.AddRange(["-f", "mpegts", "-muxdelay", "0", "-muxpreload", "0", "-flush_packets", "1",
            "-output_ts_offset", offsets.OutputTsOffsetSeconds.ToString("0.###", CultureInfo.InvariantCulture), "pipe:1"]);
        return args;
    }

    private static string Layout(CaptureSettings capture) => capture.AudioChannels == 1 ? "mono" : "stereo";

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
