using TiepCongDan.Hub.Broker;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.SelfTest;

/// <summary>The real hub in-process (<see cref="TestHub"/>, which HubApp gives the self-test API) with the names the self-test tests use.</summary>
public sealed class SelfTestHub : IAsyncDisposable
{
    public const string AdminPassword = TestHub.AdminPassword;

    private readonly TestHub _hub;

    private SelfTestHub(TestHub hub) => _hub = hub;

    public string DataDirectory => _hub.DataDirectory;

    public int HttpPort => _hub.HttpPort;

    public int MqttPort => _hub.MqttPort;

    public int SrtPort => _hub.SrtPort;

    public Uri BaseAddress => _hub.BaseAddress;

    public HttpClient Admin => _hub.Http;

    public T Get<T>() where T : notnull => _hub.Get<T>();

    public string KioskPassword(string kioskId) => _hub.KioskPassword(kioskId);

    public string SrtPassphrase(string kioskId) => MediaCredentials.DeriveSrtPassphrase(Get<FleetSecret>().Bytes, kioskId);

    public static async Task<SelfTestHub> StartAsync() => new(await TestHub.StartAsync());

    public HttpClient Client(string user, string password) => _hub.Client(user, password);

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
