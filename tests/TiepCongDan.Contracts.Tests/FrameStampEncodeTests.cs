using System.Diagnostics;
using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Contracts.Tests;

/// <summary>The stamp survives a real H.264 encode and decode (Debian's ffmpeg).</summary>
public sealed class FrameStampEncodeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tcd-framestamp-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(1280, 720, 1000)]
    [InlineData(640, 360, 300)]
    public void Every_frame_of_ten_seconds_reads_back_consecutive(int width, int height, int kbps)
    {
        const long epoch = 1_763_866_000_000;
        var file = Path.Combine(_directory, "stamp.ts");
        Run(
            "ffmpeg",
            [
                "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=30",
                "-filter_complex", FrameStamp.FilterGraph("0:v", "v", width, 0, epoch),
                "-map", "[v]", "-t", "10", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                "-b:v", $"{kbps}k", "-maxrate", $"{kbps}k", "-bufsize", $"{kbps}k", file,
            ]);
        var gray = Run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-nostdin", "-i", file, "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"]);

        var frameSize = width * height;
        Assert.Equal(300, gray.Length / frameSize);
        for (var i = 0; i < 300; i++)
        {
            Assert.True(FrameStamp.TryRead(gray.AsSpan(i * frameSize, frameSize), width, height, out var value), $"frame {i} unreadable");
            Assert.Equal((uint)i, value.FrameNumber);
            Assert.InRange(value.CaptureUnixMs - epoch, (i * 1000 / 30) - 1, (i * 1000 / 30) + 1);
        }
    }

    private static byte[] Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("ffmpeg is missing: install Debian's ffmpeg (apt-get install ffmpeg).", e);
        }

        using (process)
        {
            try
            {
                var error = process.StandardError.ReadToEndAsync();
                using var output = new MemoryStream();
                process.StandardOutput.BaseStream.CopyTo(output);
                if (!process.WaitForExit(TimeSpan.FromSeconds(50)))
                {
                    throw new TimeoutException("ffmpeg did not finish in 50 s");
                }

                Assert.True(process.ExitCode == 0, $"ffmpeg failed: {error.Result}");
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
}
