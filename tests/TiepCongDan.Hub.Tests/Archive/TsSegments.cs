using System.Diagnostics;

namespace TiepCongDan.Hub.Tests.Archive;

/// <summary>
/// Real MPEG-TS segments as a kiosk makes them (H.264 + AAC, one encode cut every 2 s, continuous
/// timestamps), made once per test run by Debian's ffmpeg. Total 6 s in 3 segments.
/// </summary>
public static class TsSegments
{
    public const int Count = 3;
    public const int SegmentMs = 2000;

    private static readonly Lazy<Task<IReadOnlyList<byte[]>>> Made = new(MakeAsync);

    public static Task<IReadOnlyList<byte[]>> GetAsync() => Made.Value;

    private static async Task<IReadOnlyList<byte[]>> MakeAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tcd-archive-segments-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[]
            {
                "-hide_banner", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "6",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-keyint_min", "25", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "64k", "-f", "segment", "-segment_time", "2", "-segment_format", "mpegts",
                Path.Combine(directory, "%06d.ts"),
            })
            {
                start.ArgumentList.Add(a);
            }

            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException("ffmpeg is missing: install Debian's ffmpeg package (apt-get install ffmpeg).", ex);
            }

            using (process)
            {
                var errors = await process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                Assert.True(process.ExitCode == 0, "ffmpeg failed to make test segments: " + errors);
            }

            var files = Directory.GetFiles(directory, "*.ts").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(Count, files.Count);
            return [.. files.Select(File.ReadAllBytes)];
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
