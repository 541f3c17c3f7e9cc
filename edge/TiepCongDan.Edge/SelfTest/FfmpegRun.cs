using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// Runs one short ffmpeg (no shell) and keeps its standard output and the last lines of its log.
/// Killed on overrun or cancellation, so a camera that never answers cannot hold the self-test.
/// </summary>
internal static class FfmpegRun
{
    private const int MaxStdoutBytes = 16 * 1024 * 1024;

    /// <exception cref="InvalidOperationException">ffmpeg is not installed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (the process is killed first).</exception>
    public static async Task<FfmpegResult> RunAsync(string ffmpeg, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"ffmpeg cannot be run ({ex.Message}): install Debian's ffmpeg (apt-get install ffmpeg).", ex);
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = ReadAllAsync(process.StandardOutput.BaseStream);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var timedOut = false;
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                timedOut = true;
            }

            var output = await stdout;
            var log = await stderr;
            return new FfmpegResult(timedOut ? -1 : process.ExitCode, output, LastLines(log), timedOut);
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[65536];
        int n;
        while ((n = await stream.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + n <= MaxStdoutBytes)
            {
                buffer.Write(chunk, 0, n);
            }
        }

        return buffer.ToArray();
    }

    private static string LastLines(string log)
    {
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", lines.TakeLast(3));
    }
}
