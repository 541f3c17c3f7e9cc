using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TiepCongDan.Hub.Provisioning;
using TiepCongDan.Hub.Sparkplug;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Provisioning;

/// <summary>
/// The real hub in-process (HubApp) with provisioning added as HubApp adds it (AddKioskProvisioning,
/// MapKioskProvisioningEndpoints; both idempotent, so this works before and after HubApp calls them),
/// on free TCP and UDP ports with its own data folder.
/// </summary>
internal sealed class ProvisioningHub : IAsyncDisposable
{
    public const string AdminPassword = "admin-test-password";

    private readonly WebApplication _app;

    private ProvisioningHub(WebApplication app, LogCapture logs, string dataDirectory, int httpPort, int mqttPort, int srtPort)
    {
        _app = app;
        Logs = logs;
        DataDirectory = dataDirectory;
        HttpPort = httpPort;
        MqttPort = mqttPort;
        SrtPort = srtPort;
        BaseUrl = $"http://127.0.0.1:{httpPort}";
        Admin = Client("admin", AdminPassword);
    }

    public LogCapture Logs { get; }

    public string DataDirectory { get; }

    public int HttpPort { get; }

    public int MqttPort { get; }

    public int SrtPort { get; }

    public string BaseUrl { get; }

    public HttpClient Admin { get; }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<ProvisioningHub> StartAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "tcd-hub-provisioning-" + Guid.NewGuid().ToString("N"));
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
        var logs = new LogCapture();
        var builder = HubApp.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddKioskProvisioning();
        var app = HubApp.Build(builder);
        app.MapKioskProvisioningEndpoints();
        await app.StartAsync();
        var hub = new ProvisioningHub(app, logs, dataDirectory, httpPort, mqttPort, srtPort);
        await Eventually.True(() => hub.Get<HostConnection>().IsConnected, "the hub's primary host to connect", 20_000);
        return hub;
    }

    public HttpClient Client(string user, string password)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    /// <summary>Runs `tcd-hub provision` in-process against this hub; returns the kiosk id and the printed one-time code.</summary>
    public async Task<(string KioskId, string Code, string Output)> ProvisionAsync(string province, string commune, string bundlePath)
    {
        var passwordFile = Path.Combine(DataDirectory, "admin-password-for-cli");
        await File.WriteAllTextAsync(passwordFile, AdminPassword);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await Cli.CliRunner.RunAsync(
        [
            "provision", "--province", province, "--commune", commune,
            "--hub-url", BaseUrl, "--mqtt-host", "127.0.0.1", "--mqtt-port", MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-tls",
            "--srt-host", "127.0.0.1", "--srt-port", SrtPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--out", bundlePath, "--data-dir", DataDirectory, "--admin-password-file", passwordFile,
        ], stdout, stderr);
        var output = stdout.ToString();
        Assert.True(exit == 0, $"tcd-hub provision exited {exit}: {output}\n{stderr}");
        var kiosk = output.Split('\n').Single(l => l.StartsWith("Kiosk: ", StringComparison.Ordinal))["Kiosk: ".Length..].Trim();
        var code = output.Split('\n').Single(l => l.Contains("Activation code: ", StringComparison.Ordinal)).Split("Activation code: ")[1].Trim();
        return (kiosk, code, output);
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
