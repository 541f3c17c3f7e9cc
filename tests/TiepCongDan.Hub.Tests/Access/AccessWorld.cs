using System.Net;
using System.Net.Http.Json;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Hub.Alerts;
using TiepCongDan.Hub.Ingest;
using TiepCongDan.Hub.SelfTest;
using TiepCongDan.Hub.Tests.Archive;
using TiepCongDan.Hub.Tests.Infrastructure;
using TiepCongDan.Hub.Tests.Reception;

namespace TiepCongDan.Hub.Tests.Access;

/// <summary>
/// One real hub with the same things in two provinces, 14 and 15: a kiosk in the registry (gone
/// offline), an archived sealed session, a register session, a self-test report, an alert, a live
/// session, a kiosk registration; and users of province 14 only (viewer, operator, admin) beside
/// the first admin (every province).
/// </summary>
public sealed class AccessWorld : IAsyncLifetime
{
    public const string Password = "mat-khau-tinh-14";
    public const string ReportDay = "2025-11-23"; // ReceptionKiosk.FullSession's default start
    private readonly Dictionary<string, string> _places = new(StringComparer.Ordinal);
    private readonly List<HttpClient> _clients = [];

    public TestHub Hub { get; private set; } = null!;

    public HttpClient Viewer14 { get; private set; } = null!;

    public HttpClient Operator14 { get; private set; } = null!;

    public HttpClient Admin14 { get; private set; } = null!;

    /// <summary>The first admin: every province.</summary>
    public HttpClient FleetAdmin => Hub.Http;

    /// <summary>No credentials, no redirects followed.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public HttpClient For(string role) => role switch
    {
        "viewer" => Viewer14,
        "operator" => Operator14,
        "admin" => Admin14,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>The path with the seeded placeholders filled in.</summary>
    public string Fill(string path) => _places.Aggregate(path, (p, kv) => p.Replace("{" + kv.Key + "}", kv.Value, StringComparison.Ordinal));

    public async Task InitializeAsync()
    {
        Hub = await TestHub.StartAsync();
        foreach (var (name, role) in new[] { ("view14", "viewer"), ("op14", "operator"), ("adm14", "admin") })
        {
            using var created = await Hub.Http.PostAsJsonAsync("api/users", new { username = name, password = Password, role, provinces = "14" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        Viewer14 = Track(Hub.Client("view14", Password));
        Operator14 = Track(Hub.Client("op14", Password));
        Admin14 = Track(Hub.Client("adm14", Password));
        Anonymous = Track(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Hub.BaseAddress, Timeout = TimeSpan.FromSeconds(30) });

        foreach (var (p, kiosk) in new[] { ("14", "14-04171"), ("15", "15-04500") })
        {
            await SeedProvinceAsync(p, kiosk);
        }

        _places["new14"] = "14-04173";
        _places["new15"] = "15-04502";
    }

    private async Task SeedProvinceAsync(string province, string kioskId)
    {
        _places["k" + province] = kioskId;
        await using (var kiosk = await TestKiosk.ConnectAsync(Hub, kioskId))
        {
            await kiosk.BirthAsync();
            await Eventually.True(() => Hub.Registry.Get(kioskId) is { Online: true }, $"{kioskId} in the registry", 10_000);
            await kiosk.DropWithWillAsync(Hub);
        }

        await Eventually.True(() => Hub.Registry.Get(kioskId) is { Online: false }, $"{kioskId} offline", 10_000);

        _places["s" + province] = await ArchivedSessions.UploadSealedAsync(Hub, kioskId);

        using (var reception = new ReceptionKiosk(Hub, kioskId))
        {
            var session = reception.NewSessionId();
            await reception.SendAsync(reception.FullSession(session));
            _places["r" + province] = session;
        }

        Hub.Get<SelfTestStore>().Save(new SelfTestReport(kioskId, "0.1.0", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, true,
            [new SelfTestCheckResult(SelfTestCheckIds.Camera, "Camera", "Camera", SelfTestStatus.Pass, "ok", "ok", "", "", new Dictionary<string, string>(), 1)]));

        var alert = Hub.Get<AlertStore>().Open(new AlertRow
        {
            KioskId = kioskId, Province = province, Rule = AlertRuleIds.All[0], Subject = string.Empty, Severity = "warning",
            OpenedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        }, _ => []);
        _places["a" + province] = alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var live = MediaSessionId.New(kioskId, DateTimeOffset.UtcNow);
        Hub.Get<LiveSessionBus>().Attach(new IPEndPoint(IPAddress.Loopback, 40_000 + int.Parse(province, System.Globalization.CultureInfo.InvariantCulture)), kioskId, live);
        _places["l" + province] = live;

        var registered = kioskId[..3] + (int.Parse(kioskId[3..], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
        using var register = await Hub.Http.PostAsJsonAsync("api/kiosks/register", new
        {
            kioskId = registered, province, commune = registered[3..], certificateFingerprint = new string('A', 64),
        });
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        _places["g" + province] = registered;

        var command = new Hub.Commands.CommandRow
        {
            Id = Guid.CreateVersion7().ToString("N"), KioskId = kioskId, Province = province, Command = "rebirth", State = Contracts.Commands.CommandStates.Done,
            RequestedBy = "admin", RequestedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), DeadlineMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        };
        Hub.Get<Hub.Commands.CommandStore>().Add(command);
        _places["c" + province] = command.Id;
    }

    private HttpClient Track(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Hub.DisposeAsync();
    }
}
