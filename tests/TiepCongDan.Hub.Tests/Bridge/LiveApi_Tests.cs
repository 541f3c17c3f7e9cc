using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TiepCongDan.Hub.Bridge;
using TiepCongDan.Hub.Ingest;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Bridge;

/// <summary>GET /api/live and the bridge's Prometheus series, on the real hub with a driven session bus.</summary>
public sealed class LiveApi_Tests : IAsyncDisposable
{
    private const string AdminPassword = "admin-test-password";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tcd-bridge-api-" + Guid.NewGuid().ToString("N"));
    private readonly FakeLiveSessionBus _bus = new();
    private WebApplication? _app;

    [Fact]
    public async Task Live_sessions_are_listed_with_their_points_and_numbers_for_signed_in_users_only()
    {
        using var point = new TestPoint(BridgeHarness.PassphraseOf("tinh-14"));
        point.Start();
        var httpPort = FreePort.Next();
        var bridgePort = FreeUdpPort();
        string[] args =
        [
            $"--Hub:DataDirectory={_directory}",
            $"--Hub:Http:Urls=http://127.0.0.1:{httpPort}",
            $"--Hub:Mqtt:Embedded:Port={FreePort.Next()}",
            $"--TCD_ADMIN_PASSWORD={AdminPassword}",
            "--Hub:Media:Ingest:Port=0",
            $"--Hub:Media:Bridge:Port={bridgePort}",
            "--Hub:Media:Bridge:BindAddress=127.0.0.1",
            "--Hub:Media:Points:0:Id=tinh-14",
            "--Hub:Media:Points:0:Name=Ban Tiếp công dân tỉnh Sơn La",
            "--Hub:Media:Points:0:Provinces:0=14",
            "--Hub:Media:Points:0:Mode=caller",
            "--Hub:Media:Points:0:Host=127.0.0.1",
            $"--Hub:Media:Points:0:Port={point.Port}",
            $"--Hub:Media:Points:0:Passphrase={BridgeHarness.PassphraseOf("tinh-14")}",
            "--Hub:Media:Points:1:Id=trung-uong",
            "--Hub:Media:Points:1:Name=Ban Tiếp công dân Trung ương",
            "--Hub:Media:Points:1:Provinces:0=*",
            "--Hub:Media:Points:1:Mode=listener",
            $"--Hub:Media:Points:1:Passphrase={BridgeHarness.PassphraseOf("trung-uong")}",
        ];
        var builder = HubApp.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ILiveSessionBus>(_bus);
        var mapped = builder.Services.Any(d => d.ServiceType == typeof(BridgeService));
        builder.Services.AddBridge(builder.Configuration);
        _app = HubApp.Build(builder);
        if (!mapped)
        {
            _app.MapBridgeEndpoints();
        }

        await _app.StartAsync();
        var session = BridgeHarness.NewSession();
        _bus.Start(session, BridgeHarness.Kiosk, BridgeHarness.Province);
        var service = _app.Services.GetRequiredService<BridgeService>();
        await Eventually.True(() => service.Find(session)?.Outputs.SingleOrDefault()?.State == OutputState.Connected, "the caller point connected", 15_000);
        for (var s = 0; s < 3; s++)
        {
            NumberedTs.Publish(_bus, session, NumberedTs.Segment(session, s, s * 100, 100));
        }

        await Eventually.True(() => point.Latest().Count(n => n >= 0) >= 300, "the point got the session", 15_000);

        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/") };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{AdminPassword}")));
        using var anonymous = new HttpClient { BaseAddress = admin.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/live")).StatusCode);

        var live = JsonDocument.Parse(await admin.GetStringAsync("api/live")).RootElement;
        var entry = Assert.Single(live.EnumerateArray());
        Assert.Equal(session, entry.GetProperty("sessionId").GetString());
        Assert.Equal("14", entry.GetProperty("province").GetString());
        var pushed = Assert.Single(entry.GetProperty("points").EnumerateArray());
        Assert.Equal("tinh-14", pushed.GetProperty("receiver").GetString());
        Assert.Equal("Ban Tiếp công dân tỉnh Sơn La", pushed.GetProperty("name").GetString());
        Assert.Equal("connected", pushed.GetProperty("state").GetString());
        Assert.Equal("push", pushed.GetProperty("kind").GetString());
        Assert.True(pushed.GetProperty("bytesSent").GetInt64() >= 300 * 188);

        var metrics = BridgePrometheus.Render(service);
        Assert.Contains($"tcd_hub_bridge_connected{{session=\"{session}\",receiver=\"tinh-14\",kind=\"push\"}} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE tcd_hub_bridge_sent_bytes_total counter", metrics, StringComparison.Ordinal);
        Assert.Contains("tcd_hub_bridge_added_latency_seconds_bucket{le=\"+Inf\"} ", metrics, StringComparison.Ordinal);
        Assert.Contains($"tcd_hub_bridge_compose_cpu_seconds_total{{session=\"{session}\"}} 0", metrics, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
