using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// tcd-hub started as its own process on free ports with a temporary data folder. Ready once
/// GET /healthz answers 200. Stop/Restart keep the ports and data folder, as a real restart does.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    public const string AdminUser = "admin";

    private readonly HubStartOptions _options;
    private readonly TempDirectory? _ownedDirectory;

    private HubProcess(HubStartOptions options, TempDirectory? ownedDirectory, string dataDirectory, int httpPort, int mqttPort)
    {
        _options = options;
        _ownedDirectory = ownedDirectory;
        DataDirectory = dataDirectory;
        HttpPort = httpPort;
        MqttPort = mqttPort;
        AdminPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        Secret = options.FleetSecretFile is { } existing
            ? FleetSecret.Read(existing)
            : FleetSecret.Create(Path.Combine(dataDirectory, "fleet-device-secret"));
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
        Http = CreateClient(withCredentials: true);
    }

    public string DataDirectory { get; }

    public int HttpPort { get; }

    /// <summary>The embedded broker's port (unused in External mode).</summary>
    public int MqttPort { get; }

    /// <summary>The SRT ingest's UDP port, kept across restarts like the others.</summary>
    public int SrtPort { get; } = FreePort.NextUdp();

    /// <summary>The bridge listener's UDP port (points pulling, officials publishing, kiosks fetching the return).</summary>
    public int BridgePort { get; } = FreePort.NextUdp();

    public string AdminPassword { get; }

    public FleetSecret Secret { get; }

    public Uri BaseAddress { get; }

    /// <summary>An HttpClient authenticated with HTTP Basic as the admin.</summary>
    public HttpClient Http { get; }

    public ChildProcess? Process { get; private set; }

    public static async Task<HubProcess> StartAsync(HubStartOptions? options = null, CancellationToken cancellationToken = default)
    {
        var temp = new TempDirectory("hub");
        var hub = new HubProcess(options ?? new HubStartOptions(), temp, temp.Path, FreePort.Next(), FreePort.Next());
        try
        {
            await hub.StartProcessAsync(cancellationToken);
            return hub;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient(bool withCredentials)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        if (withCredentials)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AdminUser}:{AdminPassword}")));
        }

        return client;
    }

    public IReadOnlyList<string> Arguments()
    {
        var args = new List<string>
        {
            $"--Hub:DataDirectory={DataDirectory}",
            $"--Hub:Http:Urls=http://127.0.0.1:{HttpPort}",
            $"--Hub:Fleet:DeviceSecretFile={Secret.FilePath}",
            $"--Hub:Media:Ingest:Port={SrtPort}",
            $"--Hub:Media:Bridge:Port={BridgePort}",
        };
        if (_options.ExternalBroker)
        {
            args.Add("--Hub:Mqtt:Mode=External");
            args.Add($"--Hub:Mqtt:External:Host={_options.ExternalHost}");
            args.Add($"--Hub:Mqtt:External:Port={_options.ExternalPort}");
            if (_options.ExternalUsername is not null)
            {
                args.Add($"--Hub:Mqtt:External:Username={_options.ExternalUsername}");
                args.Add($"--Hub:Mqtt:External:Password={_options.ExternalPassword}");
            }
        }
        else
        {
            args.Add("--Hub:Mqtt:Mode=Embedded");
            args.Add($"--Hub:Mqtt:Embedded:Port={MqttPort}");
        }

        args.AddRange(_options.ExtraArguments);
        return args;
    }

    /// <summary>Starts (or starts again) the hub process and waits until /healthz answers.</summary>
    public async Task StartProcessAsync(CancellationToken cancellationToken = default)
    {
        if (Process is { HasExited: false })
        {
            throw new InvalidOperationException("The hub is already running.");
        }

        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        var environment = new Dictionary<string, string> { ["TCD_ADMIN_PASSWORD"] = AdminPassword };
        if (_options.OpenFilesLimit is { } limit)
        {
            var command = ChildProcess.RaiseOpenFilesThenExec(limit);
            Process = ChildProcess.Start("tcd-hub", "/bin/bash", ["-c", command, ChildProcess.DotnetHost, BuiltPrograms.Hub, .. Arguments()], environment);
        }
        else
        {
            Process = ChildProcess.StartDotnet("tcd-hub", BuiltPrograms.Hub, Arguments(), environment);
        }

        using var probe = CreateClient(withCredentials: false);
        probe.Timeout = TimeSpan.FromSeconds(2);
        var process = Process;
        await Poll.UntilAsync(
            async ct =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"tcd-hub exited with code {process.ExitCode} before it was ready.\n{process.Describe()}");
                }

                using var response = await probe.GetAsync("healthz", ct);
                return response.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(40), "tcd-hub /healthz", process.Describe, TimeSpan.FromMilliseconds(200), cancellationToken);
    }

    /// <summary>SIGKILL the hub (an abrupt broker outage).</summary>
    public async Task KillAsync()
    {
        if (Process is not null)
        {
            await Process.KillAndWaitAsync();
        }
    }

    /// <summary>SIGTERM the hub and wait for it to exit.</summary>
    public async Task StopAsync()
    {
        if (Process is not null)
        {
            await Process.StopAsync(TimeSpan.FromSeconds(10));
        }
    }

    public async Task<IReadOnlyList<HubDevice>> GetDevicesAsync(CancellationToken cancellationToken = default)
    {
        using var document = await Http.GetFromJsonAsync<JsonDocument>("api/devices", cancellationToken)
                             ?? throw new InvalidOperationException("GET /api/devices returned null.");
        return [.. document.RootElement.EnumerateArray().Select(HubDevice.Parse)];
    }

    /// <summary>GET /api/devices/{id}; null on 404.</summary>
    public async Task<HubDevice?> GetDeviceAsync(string kioskId, CancellationToken cancellationToken = default)
    {
        using var response = await Http.GetAsync($"api/devices/{Uri.EscapeDataString(kioskId)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return HubDevice.Parse(document.RootElement);
    }

    public Task<HttpResponseMessage> SendCommandAsync(string kioskId, string command, CancellationToken cancellationToken = default) =>
        Http.PostAsJsonAsync($"api/devices/{Uri.EscapeDataString(kioskId)}/commands", new { command }, cancellationToken);

    public async Task<PrometheusText> GetMetricsAsync(CancellationToken cancellationToken = default) =>
        PrometheusText.Parse(await Http.GetStringAsync("metrics", cancellationToken));

    /// <summary>Polls GET /api/devices/{id} until the predicate holds.</summary>
    public Task<HubDevice?> WaitForDeviceAsync(string kioskId, Func<HubDevice, bool> predicate, TimeSpan timeout,
        string waitingFor, Func<string>? diagnostics = null, CancellationToken cancellationToken = default) =>
        Poll.UntilAsync(
            ct => GetDeviceAsync(kioskId, ct),
            device => device is not null && predicate(device),
            timeout,
            $"kiosk {kioskId}: {waitingFor}",
            () => (Process?.Describe() ?? string.Empty) + (diagnostics is null ? string.Empty : "\n" + diagnostics()),
            TimeSpan.FromMilliseconds(100),
            cancellationToken);

    public string Describe() => Process?.Describe() ?? "(tcd-hub not started)";

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        _ownedDirectory?.Dispose();
    }
}
