using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Server;

namespace TiepCongDan.Edge.Tests.Infrastructure;

/// <summary>
/// A real in-process MQTTnet broker with only a TLS endpoint on a random port, requiring a client
/// certificate that chains to the fleet CA and whose CN is the expected kiosk id (as the hub does).
/// Records the topics published and the credentials of each accepted connection.
/// </summary>
internal sealed class TlsTestBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private TlsTestBroker(MqttServer server, int port, ConcurrentQueue<string> presentedClientNames)
    {
        _server = server;
        Port = port;
        PresentedClientNames = presentedClientNames;
    }

    public int Port { get; }

    public ConcurrentQueue<string> Topics { get; } = new();

    /// <summary>CNs of the client certificates the broker checked during TLS handshakes.</summary>
    public ConcurrentQueue<string> PresentedClientNames { get; }

    /// <summary>(client id, user name, password was sent) of each MQTT CONNECT that reached the broker.</summary>
    public ConcurrentQueue<(string ClientId, string? UserName, bool HasPassword)> Connects { get; } = new();

    public static async Task<TlsTestBroker> StartAsync(X509Certificate2 serverCertificate, X509Certificate2 fleetCa, string kioskId)
    {
        var port = FreePort.Next();
        var names = new ConcurrentQueue<string>();
        var factory = new MqttServerFactory();
        var options = factory.CreateServerOptionsBuilder()
            .WithoutDefaultEndpoint()
            .WithEncryptedEndpoint()
            .WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
            .WithEncryptedEndpointPort(port)
            .WithEncryptionCertificate(serverCertificate)
            .WithClientCertificate((_, certificate, _, _) =>
            {
                if (certificate is null)
                {
                    return false;
                }

                using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                var cn = presented.GetNameInfo(X509NameType.SimpleName, false);
                names.Enqueue(cn);
                return TestCertificates.ChainsTo(presented, fleetCa) && cn == kioskId;
            })
            .Build();
        var server = factory.CreateMqttServer(options);
        var broker = new TlsTestBroker(server, port, names);

        server.ValidatingConnectionAsync += e =>
        {
            broker.Connects.Enqueue((e.ClientId, e.UserName, !string.IsNullOrEmpty(e.Password)));
            return Task.CompletedTask;
        };
        server.InterceptingPublishAsync += e =>
        {
            broker.Topics.Enqueue(e.ApplicationMessage.Topic);
            return Task.CompletedTask;
        };
        await server.StartAsync();
        return broker;
    }

    public async Task<string> WaitForTopicAsync(Func<string, bool> match, string what, int timeoutMs = 8000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            if (Topics.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Timed out waiting for {what}. Seen: [{string.Join(", ", Topics)}]");
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }
}
