using System.Diagnostics;
using System.Globalization;
using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Edge.Tests.Media.Encoders;

/// <summary>Runs Debian's ffmpeg/ffprobe for assertions; fails naming the package when missing.</summary>
internal static class FfmpegTool
{
    public static byte[] Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is missing: install Debian's ffmpeg (apt-get install ffmpeg).", e);
        }

        using (process)
        {
            try
            {
                var error = process.StandardError.ReadToEndAsync();
                using var output = new MemoryStream();
                process.StandardOutput.BaseStream.CopyTo(output);
                Assert.True(process.WaitForExit(TimeSpan.FromSeconds(50)), $"{program} did not finish in 50 s");
                Assert.True(process.ExitCode == 0, $"{program} failed: {error.Result}");
                return output.ToArray();
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }
            }
        }
    }

    /// <summary>Frame numbers read from every decoded frame's stamp (unreadable frames fail the test).</summary>
    public static List<FrameStampValue> ReadStamps(string file, int width, int height)
    {
        var gray = Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-i", file, "-f", "rawvideo", "-pix_fmt", "gray", "-s", $"{width}x{height}", "pipe:1");
        var size = width * height;
        var stamps = new List<FrameStampValue>();
        for (var i = 0; i + size <= gray.Length; i += size)
        {
            Assert.True(FrameStamp.TryRead(gray.AsSpan(i, size), width, height, out var value), $"frame {i / size} of {file} has no readable stamp");
            stamps.Add(value);
        }

        return stamps;
    }

    public static string Probe(string file, params string[] arguments) =>
        System.Text.Encoding.UTF8.GetString(Run("ffprobe", [.. new[] { "-v", "error" }, .. arguments, file]));

    public static List<double> KeyframeTimes(string file) =>
        Probe(file, "-select_streams", "v:0", "-skip_frame", "nokey", "-show_entries", "frame=pts_time", "-of", "csv=p=0")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => double.Parse(t.TrimEnd(','), CultureInfo.InvariantCulture))
            .ToList();
}
