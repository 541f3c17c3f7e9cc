using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Ingest;
using TiepCongDan.Hub.Tests.Infrastructure;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Tests.Ingest;

/// <summary>One real hub with its SRT ingest on a free loopback UDP port for a class of ingest tests; 14-09999 is revoked.</summary>
public sealed class IngestHubFixture : IAsyncLifetime
{
    public const string RevokedKiosk = "14-09999";

    public TestHub Hub { get; private set; } = null!;

    public int SrtPort { get; private set; }

    internal LiveSessionBus Bus => Hub.Get<LiveSessionBus>();

    internal IngestMetrics Metrics => Hub.Get<IngestMetrics>();

    public async Task InitializeAsync()
    {
        SrtPort = UdpPorts.Next();
        Hub = await TestHub.StartAsync(
            $"--Hub:Fleet:RevokedKiosks:0={RevokedKiosk}",
            $"--Hub:Media:Ingest:Port={SrtPort}",
            "--Hub:Media:Ingest:BindAddress=127.0.0.1");
        Assert.Equal(SrtPort, Hub.Get<SrtIngestService>().Port);
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    public string Passphrase(string kioskId) => MediaCredentials.DeriveSrtPassphrase(Hub.Get<FleetSecret>().Bytes, kioskId);

    /// <summary>Calls the ingest as a kiosk would, with any stream id and passphrase.</summary>
    public SrtConnection Connect(string? streamId, string? passphrase) => SrtConnection.Connect(new SrtCallerOptions
    {
        Host = "127.0.0.1",
        Port = SrtPort,
        StreamId = streamId,
        Passphrase = passphrase,
        ConnectTimeoutMs = 3000,
    });

    public SrtConnection ConnectAs(string kioskId, string sessionId) => Connect(SrtStreamId.Publish(kioskId, sessionId).ToString(), Passphrase(kioskId));
}
