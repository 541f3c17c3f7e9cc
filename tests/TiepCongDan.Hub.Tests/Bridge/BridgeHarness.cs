using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Bridge;
using TiepCongDan.Hub.Options;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Tests.Bridge;

/// <summary>A real <see cref="BridgeService"/> on a driven bus, with its listener on a free loopback port.</summary>
public sealed class BridgeHarness : IAsyncDisposable
{
    public const string Kiosk = "14-04171";
    public const string Province = "14";

    private readonly byte[] _fleetSecret = RandomNumberGenerator.GetBytes(32);

    private BridgeHarness(IReadOnlyList<ReceptionPointOptions> points, Action<BridgeOptions>? configure)
    {
        Options = new BridgeOptions { Port = FreeUdpPort(), BindAddress = "127.0.0.1", ReconnectMinMs = 50, ReconnectMaxMs = 400 };
        configure?.Invoke(Options);
        Assert.Empty(BridgeOptionsValidator.Check(Options));
        Service = new BridgeService(Bus, [.. points.Select(ReceptionPoint.From)], Options,
            kiosk => MediaCredentials.DeriveSrtPassphrase(_fleetSecret, kiosk), TimeProvider.System, NullLogger<BridgeService>.Instance);
    }

    public FakeLiveSessionBus Bus { get; } = new();

    public BridgeOptions Options { get; }

    public BridgeService Service { get; }

    public static async Task<BridgeHarness> StartAsync(IReadOnlyList<ReceptionPointOptions> points, Action<BridgeOptions>? configure = null)
    {
        var harness = new BridgeHarness(points, configure);
        await harness.Service.StartAsync(CancellationToken.None);
        return harness;
    }

    public static ReceptionPointOptions CallerPoint(string id, TestPoint point, params string[] provinces) => new()
    {
        Id = id, Name = id, Provinces = [.. provinces], Mode = "caller", Host = "127.0.0.1", Port = point.Port, Passphrase = PassphraseOf(id), LatencyMs = 120,
    };

    public static ReceptionPointOptions ListenerPoint(string id, params string[] provinces) => new()
    {
        Id = id, Name = id, Provinces = [.. provinces], Mode = "listener", Passphrase = PassphraseOf(id), LatencyMs = 120,
    };

    /// <summary>Each point's own passphrase (10-79 characters).</summary>
    public static string PassphraseOf(string pointId) => $"point-secret-{pointId}-0123456789";

    public static string NewSession() => MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow);

    public string KioskPassphrase(string kioskId) => MediaCredentials.DeriveSrtPassphrase(_fleetSecret, kioskId);

    /// <summary>Calls the bridge listener the way a point or a kiosk does.</summary>
    public SrtConnection Call(string streamId, string passphrase) => SrtConnection.Connect(new SrtCallerOptions
    {
        Host = "127.0.0.1", Port = Options.Port!.Value, StreamId = streamId, Passphrase = passphrase, LatencyMs = 120, ConnectTimeoutMs = 3000,
    });

    public async ValueTask DisposeAsync() => await Service.DisposeAsync();

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
