using System.Globalization;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// SRT's reference receiver, Debian's `srt-live-transmit`, listening on a loopback port with a
/// passphrase and writing what arrives to a file (appending, so a receiver restarted after an
/// outage continues the same capture). Stopped with SIGINT, on which it flushes its output.
/// </summary>
public sealed class SrtReceiverProcess : IAsyncDisposable
{
    private const int SigInt = 2;
    private ChildProcess? _process;

    public SrtReceiverProcess(int port, string passphrase, string outputPath, int latencyMs = 120)
    {
        Port = port;
        Passphrase = passphrase;
        OutputPath = outputPath;
        LatencyMs = latencyMs;
    }

    public int Port { get; }

    public string Passphrase { get; }

    public string OutputPath { get; }

    public int LatencyMs { get; }

    public bool IsRunning => _process is { HasExited: false };

    public long BytesReceived => File.Exists(OutputPath) ? new FileInfo(OutputPath).Length : 0;

    public static SrtReceiverProcess Start(int port, string passphrase, string outputPath, int latencyMs = 120)
    {
        var receiver = new SrtReceiverProcess(port, passphrase, outputPath, latencyMs);
        receiver.StartProcess();
        return receiver;
    }

    public void StartProcess()
    {
        if (!File.Exists("/usr/bin/srt-live-transmit"))
        {
            throw new InvalidOperationException("srt-live-transmit is missing: install Debian's srt-tools (apt-get install srt-tools).");
        }

        var uri = string.Create(CultureInfo.InvariantCulture,
            $"srt://:{Port}?mode=listener&passphrase={Passphrase}&pbkeylen=32&latency={LatencyMs}");
        // The shell only sets up the redirection; exec keeps the PID the receiver's own.
        _process = ChildProcess.Start("srt-live-transmit", "/bin/bash",
            ["-c", "exec /usr/bin/srt-live-transmit -q \"$0\" file://con >> \"$1\"", uri, OutputPath]);
    }

    /// <summary>SIGINT (flushes what it received), then SIGKILL if it hangs.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            PosixSignals.Send(_process.Pid, SigInt);
            if (!await _process.WaitForExitAsync(TimeSpan.FromSeconds(5)))
            {
                await _process.KillAndWaitAsync();
            }
        }

        await _process.DisposeAsync();
        _process = null;
    }

    public string Describe() => _process?.Describe() ?? "srt-live-transmit: not running";

    public async ValueTask DisposeAsync() => await StopAsync();
}
