using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TiepCongDan.Edge.Devices.Simulated;
using TiepCongDan.Edge.Sparkplug;
using TiepCongDan.Edge.Store;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Sparkplug;

/// <summary>
/// The kiosk against a TLS-only broker that, like the hub, requires a client certificate chained
/// to the fleet CA with CN = kiosk id, and whose own certificate comes from a province CA.
/// </summary>
public sealed class MqttTls_Tests : IDisposable
{
    private const string Kiosk = "14-04171";
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-tls-").FullName;

    [Fact]
    public async Task The_service_host_connects_with_its_client_certificate_and_no_password_and_births()
    {
        using var fleetCa = TestCertificates.Ca("Fleet CA 14");
        using var serverCertificate = TestCertificates.Server(fleetCa);
        using var client = TestCertificates.Client(fleetCa, Kiosk);
        var (clientPem, clientKey) = TestCertificates.WritePem(client, _dir, "client");
        var caPem = Path.Combine(_dir, "fleet-ca.pem");
        await File.WriteAllTextAsync(caPem, fleetCa.ExportCertificatePem());
        await using var broker = await TlsTestBroker.StartAsync(serverCertificate, fleetCa, Kiosk);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Edge:KioskId"] = Kiosk,
            ["Edge:DataDirectory"] = Path.Combine(_dir, "data"),
            ["Edge:Mqtt:Host"] = "127.0.0.1",
            ["Edge:Mqtt:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["Edge:Mqtt:UseTls"] = "true",
            ["Edge:Mqtt:CaCertificatePath"] = caPem,
            ["Edge:Mqtt:ClientCertificatePath"] = clientPem,
            ["Edge:Mqtt:ClientKeyPath"] = clientKey,
            ["Edge:Health:SampleIntervalSeconds"] = "1",
            ["Edge:Media:Enabled"] = "false",
        });
        builder.AddTcdEdge();
        using var host = builder.Build();
        host.ValidateEdgeOptions();
        await host.StartAsync();
        try
        {
            await broker.WaitForTopicAsync(t => t == $"spBv1.0/14/NBIRTH/{Kiosk}", "NBIRTH over TLS");
        }
        finally
        {
            await host.StopAsync();
        }

        Assert.Contains(Kiosk, broker.PresentedClientNames);
        var connect = Assert.Single(broker.Connects);
        Assert.Equal((Kiosk, Kiosk, false), connect);
    }

    [Fact]
    public async Task A_hub_certificate_from_another_CA_is_refused_with_a_logged_reason_and_no_birth()
    {
        using var fleetCa = TestCertificates.Ca("Fleet CA 14");
        using var otherCa = TestCertificates.Ca("Someone else");
        using var impostor = TestCertificates.Server(otherCa);
        using var client = TestCertificates.Client(fleetCa, Kiosk);
        await using var broker = await TlsTestBroker.StartAsync(impostor, fleetCa, Kiosk);

        var settings = new EdgeNodeSettings
        {
            KioskId = Kiosk,
            Host = "127.0.0.1",
            Port = broker.Port,
            UseTls = true,
            Password = string.Empty,
            ClientCertificate = client,
            TrustedCa = fleetCa,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(400),
            ConnectTimeout = TimeSpan.FromSeconds(3),
            ReportInterval = TimeSpan.FromHours(1),
        };
        var logger = new RecordingLogger();
        var devices = new SimulatedDevicePortSet(Path.Combine(_dir, "simulated-devices.json"), logger);
        await using var node = new EdgeNode(settings, new StepSampler(), devices, new InMemoryOutboxStore(100), new InMemoryBdSeqStore(),
            new RecordingNodeControl(), TimeProvider.System, logger);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => node.RunAsync(stop.Token));
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(8);
            while (!logger.Entries.Any(e => e.EventId == 2022) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(5));
        }

        var refused = logger.Entries.FirstOrDefault(e => e.EventId == 2022);
        Assert.True(refused.Message is not null, "expected the refused hub certificate to be logged; saw: " + string.Join(" | ", logger.Entries.Select(e => e.Message)));
        Assert.Equal(LogLevel.Error, refused.Level);
        Assert.Contains("does not chain to Edge:Mqtt:CaCertificatePath", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(broker.Topics, t => t.Contains("NBIRTH", StringComparison.Ordinal));
        Assert.Empty(broker.Connects);
        Assert.False(node.IsOnline);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
