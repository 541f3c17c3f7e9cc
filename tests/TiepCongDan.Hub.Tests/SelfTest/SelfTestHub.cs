using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.SelfTest;
using TiepCongDan.Hub.Sparkplug;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.SelfTest;

/// <summary>
/// The real hub in-process (as <see cref="TestHub"/>) with the self-test API registered by the two
/// lines HubApp gets (AddSelfTestReports, MapSelfTestEndpoints); both are idempotent, so this keeps
/// working once HubApp has them.
/// </summary>
public sealed class SelfTestHub : IAsyncDisposable
{
    public const string AdminPassword = "admin-test-password";

    private readonly WebApplication _app;

    private SelfTestHub(WebApplication app, string dataDirectory, int httpPort, int mqttPort, int srtPort)
    {
        _app = app;
        DataDirectory = dataDirectory;
        HttpPort = httpPort;
        MqttPort = mqttPort;
        SrtPort = srtPort;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
        Admin = Client("admin", AdminPassword);
    }

    public string DataDirectory { get; }

    public int HttpPort { get; }

    public int MqttPort { get; }

    public int SrtPort { get; }

    public Uri BaseAddress { get; }

    public HttpClient Admin { get; }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public string KioskPassword(string kioskId) => DeviceCredentials.DerivePassword(Get<FleetSecret>().Bytes, kioskId);

    public string SrtPassphrase(string kioskId) => MediaCredentials.DeriveSrtPassphrase(Get<FleetSecret>().Bytes, kioskId);

    public static async Task<SelfTestHub> StartAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "tcd-hub-selftest-" + Guid.NewGuid().ToString("N"));
        var httpPort = FreePort.Next();
        var mqttPort = FreePort.Next();
        var srtPort = Ingest.UdpPorts.Next();
        string[] args =
        [
            $"--Hub:DataDirectory={dataDirectory}",
            $"--Hub:Http:Urls=http://127.0.0.1:{httpPort}",
            $"--Hub:Mqtt:Embedded:Port={mqttPort}",
            $"--TCD_ADMIN_PASSWORD={AdminPassword}",
            $"--Hub:Media:Ingest:Port={srtPort}",
            $"--Hub:Media:Bridge:Port={Ingest.UdpPorts.Next()}",
        ];
        var builder = HubApp.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.AddSelfTestReports();
        var app = HubApp.Build(builder);
        app.MapSelfTestEndpoints();
        await app.StartAsync();
        var hub = new SelfTestHub(app, dataDirectory, httpPort, mqttPort, srtPort);
        await Eventually.True(() => hub.Get<HostConnection>().IsConnected, "the hub's primary host to connect", 20_000);
        return hub;
    }

    public HttpClient Client(string user, string password)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Admin.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder: best effort.
        }
    }
}
