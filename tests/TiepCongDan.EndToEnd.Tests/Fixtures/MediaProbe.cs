using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TiepCongDan.Contracts.Media;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// What a recording really holds, asked of Debian's ffprobe and ffmpeg: the streams, the keyframe
/// times, and the frame stamp burned into every picture by the simulated camera (decoded, then
/// read back from the pixels), so a test can say "every frame, in order".
/// </summary>
public static class MediaProbe
{
    public sealed record StreamInfo(string Type, string Codec, int Width, int Height);

    public static async Task<IReadOnlyList<StreamInfo>> StreamsAsync(string path)
    {
        var json = await RunAsync("/usr/bin/ffprobe", ["-v", "error", "-show_entries", "stream=codec_type,codec_name,width,height", "-of", "json", path]);
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("streams").EnumerateArray().Select(s => new StreamInfo(
            s.GetProperty("codec_type").GetString() ?? string.Empty,
            s.TryGetProperty("codec_name", out var c) ? c.GetString() ?? string.Empty : string.Empty,
            s.TryGetProperty("width", out var w) ? w.GetInt32() : 0,
            s.TryGetProperty("height", out var h) ? h.GetInt32() : 0)).ToList();
    }

    /// <summary>Presentation times (s) of the video keyframes.</summary>
    public static async Task<IReadOnlyList<double>> KeyframeTimesAsync(string path)
    {
        var csv = await RunAsync("/usr/bin/ffprobe", ["-v", "error", "-select_streams", "v:0", "-skip_frame", "nokey", "-show_entries", "frame=pts_time", "-of", "csv=p=0", path]);
        return csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => double.Parse(l.TrimEnd(','), CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>Seconds between consecutive video keyframes.</summary>
    public static async Task<IReadOnlyList<double>> KeyframeGapsAsync(string path)
    {
        var times = await KeyframeTimesAsync(path);
        return times.Zip(times.Skip(1), (a, b) => b - a).ToList();
    }

    /// <summary>
    /// The stamp of every decoded picture in order (null where unreadable). Only the top strip is
    /// decoded to gray, at the stream's first width: the stamp scales with the picture.
    /// </summary>
    public static async Task<IReadOnlyList<FrameStampValue?>> StampsAsync(string path, int width)
    {
        var strip = FrameStamp.StripHeight(width);
        var info = new ProcessStartInfo("/usr/bin/ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-v", "error", "-i", path, "-map", "0:v:0", "-vf", $"scale={width}:-2,crop={width}:{strip}:0:0", "-vsync", "passthrough", "-f", "rawvideo", "-pix_fmt", "gray", "-" })
        {
            info.ArgumentList.Add(a);
        }

        EnsureTool(info.FileName);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var frame = new byte[width * strip];
        var stamps = new List<FrameStampValue?>();
        var stream = process.StandardOutput.BaseStream;
        while (true)
        {
            var read = 0;
            while (read < frame.Length)
            {
                var n = await stream.ReadAsync(frame.AsMemory(read));
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            if (read < frame.Length)
            {
                break;
            }

            stamps.Add(FrameStamp.TryRead(frame, width, strip, out var value) ? value : null);
        }

        await process.WaitForExitAsync();
        _ = await stderr;
        return stamps;
    }

    /// <summary>Frame numbers read from the stamps, in order, unreadable pictures left out.</summary>
    public static async Task<IReadOnlyList<long>> FrameNumbersAsync(string path, int width) =>
        (await StampsAsync(path, width)).Where(s => s is not null).Select(s => (long)s!.Value.FrameNumber).ToList();

    private static async Task<string> RunAsync(string tool, IEnumerable<string> arguments)
    {
        EnsureTool(tool);
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException(tool + " did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await stdout : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await stderr}");
    }

    private static void EnsureTool(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: install Debian's ffmpeg (apt-get install ffmpeg).");
        }
    }
}
