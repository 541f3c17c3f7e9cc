using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// Joins a session's MPEG-TS segments into one MP4 with Debian's ffmpeg: the concat demuxer and
/// <c>-c copy</c> (no transcode, so the pictures are the recorded ones), moov first (+faststart) so a
/// browser can start playing before the whole file has arrived. Only video and audio are kept.
/// </summary>
public static class Mp4Exporter
{
    public const string FfmpegPackageHint = "install Debian's ffmpeg package (apt-get install ffmpeg)";

    /// <summary>Writes <paramref name="outputPath"/> (replaced atomically); throws with ffmpeg's own words when it fails.</summary>
    public static async Task ExportAsync(IReadOnlyList<string> segmentPaths, string outputPath, CancellationToken cancellationToken)
    {
        if (segmentPaths.Count == 0)
        {
            throw new InvalidOperationException("A session without segments has nothing to export.");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        Directory.CreateDirectory(directory);
        var list = Path.Combine(directory, ".concat-" + Guid.NewGuid().ToString("N") + ".txt");
        var temp = Path.Combine(directory, ".export-" + Guid.NewGuid().ToString("N") + ".mp4");
        var text = new StringBuilder("ffconcat version 1.0\n");
        foreach (var path in segmentPaths)
        {
            text.Append("file '").Append(Path.GetFullPath(path).Replace("'", "'\\''", StringComparison.Ordinal)).Append("'\n");
        }

        await File.WriteAllTextAsync(list, text.ToString(), cancellationToken);
        try
        {
            await RunFfmpegAsync(
                ["-hide_banner", "-nostdin", "-loglevel", "error", "-f", "concat", "-safe", "0", "-i", list,
                 "-map", "0:v", "-map", "0:a?", "-c", "copy", "-movflags", "+faststart", "-f", "mp4", "-y", temp],
                cancellationToken);
            File.Move(temp, outputPath, overwrite: true);
        }
        finally
        {
            File.Delete(list);
            File.Delete(temp);
        }
    }

    private static async Task RunFfmpegAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start; " + FfmpegPackageHint + ".");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("ffmpeg was not found; " + FfmpegPackageHint + ".", ex);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var errors = await stderr;
            await stdout;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"ffmpeg could not join the segments (exit {process.ExitCode}): {errors.Trim()}"));
            }
        }
    }
}
