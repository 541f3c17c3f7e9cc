using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace TiepCongDan.Edge.Voice;

/// <summary>
/// Runs one short-lived tool (espeak-ng, sox) without a shell, with a time limit: on overrun or
/// cancellation the process is killed, so a hung synthesiser never holds the kiosk.
/// </summary>
internal static class VoiceToolRunner
{
    /// <summary>Runs the tool to completion and returns its standard error (sox writes `stats` there).</summary>
    /// <exception cref="VoiceToolMissingException">The program is not installed.</exception>
    /// <exception cref="VoiceToolFailedException">Non-zero exit or time limit passed.</exception>
    public static async Task<string> RunAsync(VoiceTool tool, string path, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = Start(tool, path, arguments, redirectInput: false);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new VoiceToolFailedException($"{tool.Name} did not finish within {timeout.TotalSeconds:0} s and was killed.");
        }

        var errors = await stderr.ConfigureAwait(false);
        _ = await stdout.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new VoiceToolFailedException($"{tool.Name} exited with code {process.ExitCode}: {LastLine(errors)}");
        }

        return errors;
    }

    /// <summary>Starts the tool with redirected pipes.</summary>
    /// <exception cref="VoiceToolMissingException">The program is not installed.</exception>
    public static Process Start(VoiceTool tool, string path, IReadOnlyList<string> arguments, bool redirectInput)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(start) ?? throw new VoiceToolFailedException($"{tool.Name} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new VoiceToolMissingException(tool, path, e);
        }
    }

    private static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no message)" : lines[^1];
    }
}
