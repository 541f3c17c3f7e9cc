using System.Diagnostics;

namespace TiepCongDan.Hub.Tests.Ingest;

/// <summary>Real ffmpeg MPEG-TS, encoded once per test run, as a kiosk's encoder writes it.</summary>
public static class IngestTestMedia
{
    private static readonly Lazy<byte[]> Standard = new(() => Encode(9));

    /// <summary>9 s of 320x240 H.264 (keyframe every second) + AAC: about four 2-second segments.</summary>
    public static byte[] StandardStream => Standard.Value;

    public static byte[] Encode(int seconds)
    {
        var start = new ProcessStartInfo("ffmpeg",
            $"-hide_banner -loglevel error -f lavfi -i testsrc2=size=320x240:rate=25 -f lavfi -i sine=frequency=440:sample_rate=48000 -t {seconds} -c:v libx264 -preset ultrafast -g 25 -c:a aac -f mpegts -")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
                var stderr = process.StandardError.ReadToEndAsync();
                using var output = new MemoryStream();
                process.StandardOutput.BaseStream.CopyTo(output);
                Assert.True(process.WaitForExit(60_000), "ffmpeg did not finish in 60 s");
                Assert.True(process.ExitCode == 0, "ffmpeg failed: " + stderr.Result);
                return output.ToArray();
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
    }
}
