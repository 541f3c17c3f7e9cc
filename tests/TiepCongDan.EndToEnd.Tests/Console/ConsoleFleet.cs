using MQTTnet;
using MQTTnet.Protocol;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.OperatorConsole;

/// <summary>
/// A small fleet for the console pages: each kiosk is a real MQTT session on the hub's broker with
/// the kiosk's credentials and NDEATH Will, sending an NBIRTH (and a DBIRTH per peripheral) as
/// tcd-edge does, so the hub's registry, history and alert rules see ordinary kiosks.
/// </summary>
public sealed class ConsoleFleet : IAsyncDisposable
{
    /// <summary>Three provinces, a commune with two kiosks, one degraded by its camera, one by its clock, one in a session.</summary>
    public static readonly IReadOnlyList<SeededKiosk> Default =
    [
        new("14-04171"),
        new("14-04171-02", CameraAbsent: true),
        new("14-04172", SessionId: "20261123-14-04172-0001"),
        new("48-20194"),
        new("48-20194-02"),
        new("01-00001", ClockUnsynced: true),
    ];

    private const long BdSeq = 1;
    private readonly Dictionary<string, SparkplugTestClient> _clients = new(StringComparer.Ordinal);

    public IReadOnlyList<SeededKiosk> Kiosks { get; private init; } = [];

    /// <summary>The console's hub: alerts evaluated every second, a peripheral alert after 1 s, history every second.</summary>
    public static Task<HubProcess> StartHubAsync(CancellationToken cancellationToken) =>
        HubProcess.StartAsync(new HubStartOptions
        {
            ExtraArguments =
            [
                "--Hub:Fleet:HistoryIntervalSeconds=1",
                "--Hub:Alerts:EvaluationIntervalSeconds=1",
                "--Hub:Alerts:Rules:peripheral:ForSeconds=1",
            ],
        }, cancellationToken);

    public static async Task<ConsoleFleet> ConnectAsync(HubProcess hub, IReadOnlyList<SeededKiosk> kiosks, CancellationToken cancellationToken)
    {
        var fleet = new ConsoleFleet { Kiosks = kiosks };
        try
        {
            foreach (var kiosk in kiosks)
            {
                await fleet.BirthAsync(hub, kiosk, cancellationToken);
            }

            foreach (var kiosk in kiosks)
            {
                await hub.WaitForDeviceAsync(kiosk.Id, d => d.Online, TimeSpan.FromSeconds(20), "online", hub.Describe, cancellationToken);
            }

            return fleet;
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }

    /// <summary>True once the kiosk received an NCMD writing true to the metric (a Node Control command).</summary>
    public bool ReceivedCommand(string kioskId, string metric) =>
        _clients[kioskId].Of(SparkplugMessageType.NCMD, kioskId).Any(m => m.Payload?.Metrics.Any(x => x.Name == metric && x.BooleanValue) == true);

    /// <summary>The kiosk shuts down as tcd-edge does: its NDEATH (same bdSeq as the birth), then the disconnect.</summary>
    public async Task ShutDownAsync(string kioskId, CancellationToken cancellationToken)
    {
        var client = _clients[kioskId];
        await client.PublishAsync(SparkplugTopic.Node(KioskId.ProvinceOf(kioskId), SparkplugMessageType.NDEATH, kioskId), Death(), cancellationToken);
        await client.DisposeAsync();
        _clients.Remove(kioskId);
    }

    private async Task BirthAsync(HubProcess hub, SeededKiosk kiosk, CancellationToken cancellationToken)
    {
        var will = new MqttApplicationMessageBuilder()
            .WithTopic(SparkplugTopic.Node(kiosk.Province, SparkplugMessageType.NDEATH, kiosk.Id))
            .WithPayload(Google.Protobuf.MessageExtensions.ToByteArray(Death()))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var (client, result) = await SparkplugTestClient.ConnectAsync("127.0.0.1", hub.MqttPort, kiosk.Id, kiosk.Id, hub.Secret.PasswordFor(kiosk.Id), cancellationToken, will);
        if (result != MqttClientConnectResultCode.Success)
        {
            await client.DisposeAsync();
            throw new InvalidOperationException($"{kiosk.Id}: the hub's broker refused the connection ({result}).\n{hub.Describe()}");
        }

        _clients[kiosk.Id] = client;
        await client.SubscribeAsync(SparkplugTopic.Node(kiosk.Province, SparkplugMessageType.NCMD, kiosk.Id), cancellationToken);
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var birth = new Payload { Timestamp = now, Seq = 0 };
        void Add(string name, SparkplugValue value) => birth.Metrics.Add(MetricFactory.Create(name, 0, value, now));
        Add(NodeMetrics.BdSeq, SparkplugValue.OfUInt64(BdSeq));
        Add(NodeMetrics.Rebirth, SparkplugValue.Of(false));
        Add(NodeMetrics.Province, SparkplugValue.Of(kiosk.Province));
        Add(NodeMetrics.Commune, SparkplugValue.Of(kiosk.Commune));
        Add(NodeMetrics.CpuLoad, SparkplugValue.Of(0.3));
        Add(NodeMetrics.CpuTemperature, SparkplugValue.Of(51.5));
        Add(NodeMetrics.DiskFree, SparkplugValue.OfUInt64(12_000_000_000));
        Add(NodeMetrics.HubRtt, SparkplugValue.Of(23.0));
        Add(NodeMetrics.ClockSynced, SparkplugValue.Of(!kiosk.ClockUnsynced));
        Add(MediaMetrics.SessionId, SparkplugValue.Of(kiosk.SessionId ?? string.Empty));
        await client.PublishAsync(SparkplugTopic.Node(kiosk.Province, SparkplugMessageType.NBIRTH, kiosk.Id), birth, cancellationToken);

        ulong seq = 0;
        foreach (var device in DeviceKinds.All)
        {
            var absent = kiosk.CameraAbsent && device == DeviceKinds.Camera;
            seq = SparkplugSequence.Next(seq);
            var payload = new Payload { Timestamp = now, Seq = seq };
            payload.Metrics.Add(MetricFactory.Create(DeviceMetrics.Status, 0, SparkplugValue.Of((absent ? DeviceStatus.Absent : DeviceStatus.Present).ToWire()), now));
            payload.Metrics.Add(MetricFactory.Create(DeviceMetrics.Reason, 0, SparkplugValue.Of(absent ? "không thấy /dev/video0" : string.Empty), now));
            await client.PublishAsync(SparkplugTopic.Device(kiosk.Province, SparkplugMessageType.DBIRTH, kiosk.Id, device), payload, cancellationToken);
        }
    }

    private static Payload Death()
    {
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var death = new Payload { Timestamp = now };
        death.Metrics.Add(MetricFactory.Create(NodeMetrics.BdSeq, 0, SparkplugValue.OfUInt64(BdSeq), now));
        return death;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            await client.DisposeAsync();
        }

        _clients.Clear();
    }
}
