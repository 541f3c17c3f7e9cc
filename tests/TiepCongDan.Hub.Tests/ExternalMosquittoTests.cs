using System.Diagnostics;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Hub.Cli;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests;

/// <summary>External mode against Debian's Mosquitto, configured only by `tcd-hub mosquitto-config`.</summary>
public sealed class ExternalMosquittoTests
{
    private const string Mosquitto = "/usr/sbin/mosquitto";

    [Fact]
    public async Task The_generated_Mosquitto_config_admits_kiosks_by_derived_password_and_keeps_each_to_its_own_node()
    {
        Assert.True(File.Exists(Mosquitto), "Mosquitto is missing: apt-get install mosquitto");
        var dir = Path.Combine(Path.GetTempPath(), "tcd-hub-test-" + Guid.NewGuid().ToString("N"));
        var port = FreePort.Next();
        var stdout = new StringWriter();
        Assert.Equal(0, await CliRunner.RunAsync(
            ["mosquitto-config", "--out", Path.Combine(dir, "mosquitto"), "--data-dir", dir, "--kiosks", "14-04171,14-04172", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            stdout, new StringWriter()));
        var conf = Path.Combine(dir, "mosquitto", "mosquitto.conf");
        Assert.Contains("pattern write spBv1.0/+/NBIRTH/%u", await File.ReadAllTextAsync(Path.Combine(dir, "mosquitto", "acl")));
        // Tests run as root; Mosquitto would switch to its own user and then fail to read the temp files.
        await File.AppendAllTextAsync(conf, "user root\n");

        using var broker = Process.Start(new ProcessStartInfo(Mosquitto, ["-c", conf])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            await Eventually.True(() => CanConnect(port), "Mosquitto to listen");
            var hubPassword = (await File.ReadAllTextAsync(Path.Combine(dir, "mosquitto", "hub-password"))).Trim();
            await using var hub = await TestHub.StartInAsync(dir,
                "--Hub:Mqtt:Mode=External", "--Hub:Mqtt:External:Host=127.0.0.1", $"--Hub:Mqtt:External:Port={port}",
                "--Hub:Mqtt:External:Username=tcd-hub", $"--Hub:Mqtt:External:Password={hubPassword}");

            await using var kiosk = await TestKiosk.ConnectAsync(port, "14-04171", hub.KioskPassword("14-04171"), bdSeq: 2);
            await kiosk.BirthAsync();
            await Eventually.True(() => hub.Registry.Get("14-04171")?.Online == true, "birth through Mosquitto");

            // Mosquitto's ACL silently drops a publish as another kiosk; the hub never sees it.
            await kiosk.PublishAsync(SparkplugTopic.Node("14", SparkplugMessageType.NBIRTH, "14-04172"), Payloads.NodeBirth("14-04172", 1));
            var response = await hub.Http.PostAsync("/api/devices/14-04171/commands",
                new StringContent("{\"command\":\"ping\"}", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
            await kiosk.WaitForCommandAsync(NodeMetrics.Ping);
            Assert.Null(hub.Registry.Get("14-04172"));

            await kiosk.DropWithWillAsync();
            await Eventually.True(() => hub.Registry.Get("14-04171")?.Online == false, "NDEATH Will through Mosquitto");
        }
        finally
        {
            broker.Kill(entireProcessTree: true);
            await broker.WaitForExitAsync();
            Directory.Delete(dir, recursive: true);
        }
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
