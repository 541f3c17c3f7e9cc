using System.Globalization;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.Benchmarks.Hub;

/// <summary>
/// The baseline for one stream: Debian's srt-live-transmit relaying a kiosk's SRT (listener,
/// the kiosk's passphrase) to one SRT receiver (caller, stream id = the stream's name), nothing else.
/// </summary>
public sealed class RelayBaseline : IAsyncDisposable
{
    private RelayBaseline(ChildProcess process, int inputPort, string passphrase)
    {
        Process = process;
        InputPort = inputPort;
        Passphrase = passphrase;
    }

    public ChildProcess Process { get; }

    public int InputPort { get; }

    public string Passphrase { get; }

    public static RelayBaseline Start(string stream, LatencySink sink)
    {
        var port = FreePort.NextUdp();
        var passphrase = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var input = string.Create(CultureInfo.InvariantCulture, $"srt://:{port}?mode=listener&passphrase={passphrase}&latency=120");
        var output = string.Create(CultureInfo.InvariantCulture, $"srt://127.0.0.1:{sink.Port}?mode=caller&passphrase={sink.Passphrase}&pbkeylen=32&latency=120&streamid={stream}");
        var process = ChildProcess.Start("srt-live-transmit " + stream, "/usr/bin/srt-live-transmit", ["-ll", "error", input, output]);
        return new RelayBaseline(process, port, passphrase);
    }

    public async ValueTask DisposeAsync()
    {
        await Process.StopAsync(TimeSpan.FromSeconds(3));
        await Process.DisposeAsync();
    }
}
