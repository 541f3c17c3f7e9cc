using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Metrics;
using TiepCongDan.Hub.Registry;
using TiepCongDan.Hub.Sparkplug;

namespace TiepCongDan.Hub.Tests.Infrastructure;

/// <summary>The real hub, in-process, on free ports with its own temporary DataDirectory.</summary>
public sealed class TestHub : IAsyncDisposable
{
    public const string AdminPassword = "admin-test-password";

    private readonly WebApplication _app;
    private readonly bool _ownsDirectory;
    private bool _stopped;

    private TestHub(WebApplication app, LogCapture logs, string dataDirectory, bool ownsDirectory, int httpPort, int mqttPort, int srtPort)
    {
        SrtPort = srtPort;
        _app = app;
        Logs = logs;
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        HttpPort = httpPort;
        MqttPort = mqttPort;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
        Http = Client("admin", AdminPassword);
        Anonymous = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public LogCapture Logs { get; }

    public string DataDirectory { get; }

    public int HttpPort { get; }

    public int MqttPort { get; }

    /// <summary>The SRT ingest's UDP port.</summary>
    public int SrtPort { get; }

    public Uri BaseAddress { get; }

    /// <summary>Signed in as the first admin (Basic).</summary>
    public HttpClient Http { get; }

    public HttpClient Anonymous { get; }

    public IServiceProvider Services => _app.Services;

    public HubMetrics Metrics => Get<HubMetrics>();

    public KioskRegistry Registry => Get<KioskRegistry>();

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public string KioskPassword(string kioskId) => DeviceCredentials.DerivePassword(Get<FleetSecret>().Bytes, kioskId);

    public static Task<TestHub> StartAsync(params string[] extraArgs) => StartInAsync(null, extraArgs);

    public static async Task<TestHub> StartInAsync(string? dataDirectory, params string[] extraArgs)
    {
        var owns = dataDirectory is null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "tcd-hub-test-" + Guid.NewGuid().ToString("N"));
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
            .. extraArgs,
        ];
        var logs = new LogCapture();
        var builder = HubApp.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        var app = HubApp.Build(builder);
        await app.StartAsync();
        var hub = new TestHub(app, logs, dataDirectory, owns, httpPort, mqttPort, srtPort);
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

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
        Anonymous.Dispose();
        if (_ownsDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // best effort: a temp folder
            }
        }
    }
}
