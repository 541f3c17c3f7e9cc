using System.Globalization;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Media.Encoders;

namespace TiepCongDan.Benchmarks;

/// <summary>
/// The baseline: Debian's ffmpeg alone, with exactly the arguments the kiosk gives it
/// (<see cref="FfmpegArguments.Build"/>), except that it sends the MPEG-TS straight to an SRT
/// listener instead of to tcd-edge's pipe, so the baseline pays for SRT and AES as ours does.
/// </summary>
public static class BareFfmpeg
{
    /// <summary>Audio bitrate and keyframe interval as the kiosk's defaults (Edge:Media:AudioKbps, KeyframeSeconds).</summary>
    private const int AudioKbps = 64;
    private const int KeyframeSeconds = 2;

    public static IReadOnlyList<string> Arguments(MediaShape shape, bool analysis, long firstFrameUnixMs, string srtUrl)
    {
        var capture = new CaptureSettings { Source = CaptureSource.Simulated, Width = shape.Width, Height = shape.Height, Fps = shape.Fps };
        var encode = new EncodeSettings(shape.Width, shape.Height, shape.Fps, shape.Kbps, AudioKbps, EncoderKind.Libx264, KeyframeSeconds);
        var args = FfmpegArguments.Build(capture, encode, new StreamOffsets(0, 0, firstFrameUnixMs), analysis).ToList();
        if (args[^1] != "pipe:1")
        {
            throw new InvalidOperationException($"FfmpegArguments.Build no longer ends with pipe:1 (it ends with '{args[^1]}'): update the baseline.");
        }

        args[^1] = srtUrl;
        return args;
    }

    /// <summary>An SRT caller URL for ffmpeg: its latency option takes microseconds.</summary>
    public static string CallerUrl(int port, string passphrase, int latencyMs) =>
        string.Create(CultureInfo.InvariantCulture, $"srt://127.0.0.1:{port}?passphrase={passphrase}&pbkeylen=32&latency={latencyMs * 1000}");

    /// <summary>A passphrase for the baseline's own SRT link (10-80 characters).</summary>
    public static string NewPassphrase() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
