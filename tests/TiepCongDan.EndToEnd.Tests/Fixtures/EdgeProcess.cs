namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// One kiosk: tcd-edge as its own process with its own data folder (SQLite outbox, bdSeq).
/// A restart reuses the folder, exactly as systemd restarting the unit on a kiosk would.
/// </summary>
public sealed class EdgeProcess : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    /// <param name="reportIntervalSeconds">Full report period; short by default so every metric (uptime too) moves within a test; null = the product default.</param>
    public EdgeProcess(string kioskId, string brokerHost, int brokerPort, string password,
        int keepAliveSeconds = 5, int sampleIntervalSeconds = 1, IReadOnlyList<string>? extraArguments = null, int? reportIntervalSeconds = 2)
    {
        ReportIntervalSeconds = reportIntervalSeconds;
        KioskId = kioskId;
        BrokerHost = brokerHost;
        BrokerPort = brokerPort;
        Password = password;
        KeepAliveSeconds = keepAliveSeconds;
        SampleIntervalSeconds = sampleIntervalSeconds;
        ExtraArguments = extraArguments ?? [];
        _directory = new TempDirectory("edge-" + kioskId);
    }

    public string KioskId { get; }

    public string BrokerHost { get; }

    public int BrokerPort { get; set; }

    public string Password { get; }

    public int KeepAliveSeconds { get; }

    public int SampleIntervalSeconds { get; }

    public int? ReportIntervalSeconds { get; }

    /// <summary>Settable, so a test can restart the same kiosk (same data folder) with other settings.</summary>
    public IReadOnlyList<string> ExtraArguments { get; set; }

    public string DataDirectory => _directory.Path;

    public ChildProcess? Process { get; private set; }

    /// <summary>Every process this kiosk has run, so a failure message can show the previous life too.</summary>
    public List<ChildProcess> History { get; } = [];

    public static EdgeProcess Start(string kioskId, HubProcess hub, int keepAliveSeconds = 5, int sampleIntervalSeconds = 1,
        IReadOnlyList<string>? extraArguments = null)
    {
        var edge = new EdgeProcess(kioskId, "127.0.0.1", hub.MqttPort, hub.Secret.PasswordFor(kioskId), keepAliveSeconds,
            sampleIntervalSeconds, extraArguments);
        edge.StartProcess();
        return edge;
    }

    public IReadOnlyList<string> Arguments() =>
    [
        $"--Edge:KioskId={KioskId}",
        $"--Edge:DataDirectory={DataDirectory}",
        $"--Edge:Mqtt:Host={BrokerHost}",
        $"--Edge:Mqtt:Port={BrokerPort}",
        $"--Edge:Mqtt:Password={Password}",
        $"--Edge:Mqtt:KeepAliveSeconds={KeepAliveSeconds}",
        $"--Edge:Health:SampleIntervalSeconds={SampleIntervalSeconds}",
        .. ReportIntervalSeconds is { } report ? [$"--Edge:Health:ReportIntervalSeconds={report}"] : Array.Empty<string>(),
        "--Edge:Media:Enabled=false", // media tests turn it on in ExtraArguments (the last value wins)
        .. ExtraArguments,
    ];

    public void StartProcess()
    {
        if (Process is { HasExited: false })
        {
            throw new InvalidOperationException($"tcd-edge {KioskId} is already running.");
        }

        Process = ChildProcess.StartDotnet($"tcd-edge {KioskId} #{History.Count + 1}", BuiltPrograms.Edge, Arguments());
        History.Add(Process);
    }

    /// <summary>
    /// Polls the hub for this kiosk until the predicate holds; fails at once, with the kiosk's own
    /// output, if its process exits meanwhile (a config error would otherwise look like a slow hub).
    /// </summary>
    public Task<HubDevice?> WaitOnHubAsync(HubProcess hub, Func<HubDevice, bool> predicate, TimeSpan timeout, string waitingFor,
        CancellationToken cancellationToken = default) =>
        Poll.UntilAsync(
            async ct =>
            {
                if (Process is { HasExited: true } exited)
                {
                    throw new InvalidOperationException($"tcd-edge {KioskId} exited with code {exited.ExitCode} while waiting for {waitingFor}.\n{Describe()}");
                }

                return await hub.GetDeviceAsync(KioskId, ct);
            },
            device => device is not null && predicate(device),
            timeout,
            $"kiosk {KioskId}: {waitingFor}",
            () => Describe() + "\n" + hub.Describe(),
            TimeSpan.FromMilliseconds(100),
            cancellationToken);

    /// <summary>
    /// tcd-edge with a command (e.g. `media record --seconds 5`) in <paramref name="dataDirectory"/>,
    /// connected to the hub's broker; the caller waits for it to exit.
    /// </summary>
    public static ChildProcess RunOnce(string kioskId, HubProcess hub, string dataDirectory, IReadOnlyList<string> commandAndArguments) =>
        ChildProcess.StartDotnet($"tcd-edge {kioskId} (one-shot)", BuiltPrograms.Edge,
        [
            .. commandAndArguments.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)),
            $"--Edge:KioskId={kioskId}",
            $"--Edge:DataDirectory={dataDirectory}",
            "--Edge:Mqtt:Host=127.0.0.1",
            $"--Edge:Mqtt:Port={hub.MqttPort}",
            $"--Edge:Mqtt:Password={hub.Secret.PasswordFor(kioskId)}",
            .. commandAndArguments.SkipWhile(a => !a.StartsWith("--", StringComparison.Ordinal)),
        ]);

    /// <summary>SIGKILL: a crash or power cut; the broker must publish the NDEATH Will.</summary>
    public async Task KillAsync()
    {
        if (Process is not null)
        {
            await Process.KillAndWaitAsync();
        }
    }

    public string Describe() => string.Join('\n', History.Select(p => p.Describe()));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in History)
        {
            await process.DisposeAsync();
        }

        _directory.Dispose();
    }
}
