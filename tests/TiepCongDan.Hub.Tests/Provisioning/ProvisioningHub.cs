using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Provisioning;

/// <summary>The real hub in-process (<see cref="TestHub"/>, which HubApp gives provisioning and run-time revocation) and `tcd-hub provision` run against it.</summary>
internal sealed class ProvisioningHub : IAsyncDisposable
{
    public const string AdminPassword = TestHub.AdminPassword;

    private readonly TestHub _hub;

    private ProvisioningHub(TestHub hub) => _hub = hub;

    public LogCapture Logs => _hub.Logs;

    public string DataDirectory => _hub.DataDirectory;

    public int HttpPort => _hub.HttpPort;

    public int MqttPort => _hub.MqttPort;

    public int SrtPort => _hub.SrtPort;

    public string BaseUrl => _hub.BaseAddress.ToString().TrimEnd('/');

    public HttpClient Admin => _hub.Http;

    public T Get<T>() where T : notnull => _hub.Get<T>();

    public static async Task<ProvisioningHub> StartAsync() => new(await TestHub.StartAsync());

    public HttpClient Client(string user, string password) => _hub.Client(user, password);

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

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
