using System.Diagnostics;
using System.Globalization;
using TiepCongDan.Hub.Cli;

namespace TiepCongDan.Hub.Tests.Infrastructure;

/// <summary>
/// Debian's Mosquitto configured only by <c>tcd-hub mosquitto-config</c> (conf, ACL, password file),
/// on a free port, with a hub data folder beside it. Disposing kills Mosquitto and deletes the folder.
/// </summary>
public sealed class GeneratedMosquitto : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";
    private readonly Process _broker;

    private GeneratedMosquitto(string directory, int port, string hubPassword, Process broker)
    {
        Directory = directory;
        Port = port;
        HubPassword = hubPassword;
        _broker = broker;
    }

    public string Directory { get; }

    public int Port { get; }

    public string HubPassword { get; }

    public static async Task<GeneratedMosquitto> StartAsync(string kiosks)
    {
        Assert.True(File.Exists(Executable), "Mosquitto is missing: apt-get install mosquitto");
        var dir = Path.Combine(Path.GetTempPath(), "tcd-hub-test-" + Guid.NewGuid().ToString("N"));
        var port = FreePort.Next();
        Assert.Equal(0, await CliRunner.RunAsync(
            ["mosquitto-config", "--out", Path.Combine(dir, "mosquitto"), "--data-dir", dir, "--kiosks", kiosks, "--port", port.ToString(CultureInfo.InvariantCulture)],
            new StringWriter(), new StringWriter()));
        var conf = Path.Combine(dir, "mosquitto", "mosquitto.conf");
        Assert.Contains("pattern write spBv1.0/+/NBIRTH/%u", await File.ReadAllTextAsync(Path.Combine(dir, "mosquitto", "acl")));
        // Tests run as root; Mosquitto would switch to its own user and then fail to read the temp files.
        await File.AppendAllTextAsync(conf, "user root\n");
        var broker = Process.Start(new ProcessStartInfo(Executable, ["-c", conf])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var hubPassword = (await File.ReadAllTextAsync(Path.Combine(dir, "mosquitto", "hub-password"))).Trim();
        var mosquitto = new GeneratedMosquitto(dir, port, hubPassword, broker);
        try
        {
            await Eventually.True(() => CanConnect(port), "Mosquitto to listen");
            return mosquitto;
        }
        catch
        {
            await mosquitto.DisposeAsync();
            throw;
        }
    }

    /// <summary>The real hub in External mode, logged in to this Mosquitto as tcd-hub.</summary>
    public Task<TestHub> StartHubAsync() => TestHub.StartInAsync(Directory,
        "--Hub:Mqtt:Mode=External", "--Hub:Mqtt:External:Host=127.0.0.1", $"--Hub:Mqtt:External:Port={Port}",
        "--Hub:Mqtt:External:Username=tcd-hub", $"--Hub:Mqtt:External:Password={HubPassword}");

    public async ValueTask DisposeAsync()
    {
        _broker.Kill(entireProcessTree: true);
        await _broker.WaitForExitAsync();
        _broker.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static bool CanConnect(int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
