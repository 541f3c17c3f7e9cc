using System.Globalization;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.Benchmarks.OperatorConsole;

/// <summary>
/// Debian's headless Chromium with the flags of the end-to-end tests and a DevTools port of its
/// own choosing (read back from DevToolsActivePort), started and stopped by pid with its whole tree.
/// </summary>
public sealed class DebuggableChromium : IAsyncDisposable
{
    private const string Executable = "/usr/bin/chromium";
    private readonly TempDirectory _profile;

    private DebuggableChromium(ChildProcess process, TempDirectory profile, int port)
    {
        Process = process;
        _profile = profile;
        Port = port;
    }

    public ChildProcess Process { get; }

    public int Port { get; }

    public static async Task<DebuggableChromium> LaunchAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Executable))
        {
            throw new FileNotFoundException("install chromium: apt-get install chromium", Executable);
        }

        var profile = new TempDirectory("bench-chromium");
        var process = ChildProcess.Start("chromium", Executable,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1280,800", "--lang=vi-VN",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile.Path}", "about:blank",
        ]);
        var portFile = Path.Combine(profile.Path, "DevToolsActivePort");
        try
        {
            var port = await Poll.UntilAsync(
                _ => Task.FromResult(File.Exists(portFile) && File.ReadAllLines(portFile) is [var first, ..] && int.TryParse(first, CultureInfo.InvariantCulture, out var p) ? p : 0),
                p => p > 0, TimeSpan.FromSeconds(30), "Chromium's DevTools port", process.Describe, cancellationToken: cancellationToken);
            return new DebuggableChromium(process, profile, port);
        }
        catch
        {
            await StopAsync(process);
            profile.Dispose();
            throw;
        }
    }

    private static async Task StopAsync(ChildProcess process)
    {
        var leftovers = BrowserTreeCpu.Descendants(process.Pid);
        await process.StopAsync(TimeSpan.FromSeconds(5));
        foreach (var pid in leftovers.Where(ProcessTree.IsAlive))
        {
            PosixSignals.Send(pid, PosixSignals.SigKill);
        }

        await process.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(Process);
        _profile.Dispose();
    }
}
