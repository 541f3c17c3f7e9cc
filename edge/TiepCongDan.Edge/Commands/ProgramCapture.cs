using TiepCongDan.Edge.SelfTest;

namespace TiepCongDan.Edge.Commands;

/// <summary>Runs one program (no shell) for its standard output, through the self-test's bounded runner.</summary>
internal static class ProgramCapture
{
    /// <summary>Standard output, or the reason there is none (the program is missing, failed or overran).</summary>
    public static async Task<(byte[]? Output, string Problem)> RunAsync(string command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var parts = EdgeCommandOptions.Split(command);
        return parts.Length == 0
            ? (null, "no program is configured")
            : await RunAsync(parts[0], parts[1..], timeout, cancellationToken);
    }

    public static async Task<(byte[]? Output, string Problem)> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var run = await FfmpegRun.RunAsync(program, arguments, timeout, cancellationToken);
            if (run.TimedOut)
            {
                return (null, $"{program} did not finish within {timeout.TotalSeconds:0} s");
            }

            return run.ExitCode == 0 ? (run.Output, string.Empty) : (null, $"{program} exit {run.ExitCode}: {run.LogTail}");
        }
        catch (InvalidOperationException)
        {
            return (null, $"{program} cannot be run (not installed?)");
        }
    }
}
