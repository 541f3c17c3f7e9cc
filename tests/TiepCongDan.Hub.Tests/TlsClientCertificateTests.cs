using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests;

/// <summary>The TLS listener: kiosks log in with a client certificate from the fleet CA whose CN is their id.</summary>
public sealed class TlsClientCertificateTests
{
    private static X509Certificate2 Issue(string subject, X509Certificate2? issuer, bool isCa, string? serverName = null, string? clientEku = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        if (isCa)
        {
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        }

        if (serverName is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName(serverName);
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        }

        if (clientEku is not null)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(clientEku)], false));
        }

        // A leaf must not outlive its issuer: the CA lives a day, leaves an hour less.
        var notBefore = DateTimeOffset.UtcNow.AddMinutes(-5);
        var notAfter = issuer is null ? notBefore.AddDays(1) : issuer.NotAfter.ToUniversalTime().AddHours(-1);
        using var certificate = issuer is null
            ? request.CreateSelfSigned(notBefore, notAfter)
            : request.Create(issuer, notBefore, notAfter, RandomNumberGenerator.GetBytes(8)).CopyWithPrivateKey(key);
        // Round trip through PFX so the private key is usable by SslStream.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx, "p"), "p");
    }

    private static async Task<MqttClientConnectResultCode> ConnectAsync(int port, string clientId, X509Certificate2 certificate)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        MqttClientConnectResult? refused = null;
        client.DisconnectedAsync += e =>
        {
            refused ??= e.ConnectResult;
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithTlsOptions(o => o.UseTls().WithTargetHost("localhost")
                .WithClientCertificates([certificate])
                .WithCertificateValidationHandler(_ => true))
            .Build();
        try
        {
            return (await client.ConnectAsync(options)).ResultCode;
        }
        catch (Exception) when (refused is not null)
        {
            return refused.ResultCode;
        }
        catch (Exception)
        {
            return MqttClientConnectResultCode.UnspecifiedError; // TLS handshake refused
        }
    }

    [Fact]
    public async Task A_fleet_CA_certificate_with_the_kiosk_id_as_CN_logs_in_without_a_password_and_others_do_not()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tcd-hub-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        using var ca = Issue("Fleet CA", null, isCa: true);
        using var server = Issue("localhost", ca, isCa: false, serverName: "localhost");
        using var kioskCert = Issue("14-04171", ca, isCa: false, clientEku: "1.3.6.1.5.5.7.3.2");
        using var rogueCert = Issue("14-04171", null, isCa: false, clientEku: "1.3.6.1.5.5.7.3.2");
        var pfx = Path.Combine(dir, "hub.pfx");
        var caPem = Path.Combine(dir, "fleet-ca.pem");
        await File.WriteAllBytesAsync(pfx, server.Export(X509ContentType.Pfx, "hub-pass"));
        await File.WriteAllTextAsync(caPem, ca.ExportCertificatePem());
        var tlsPort = FreePort.Next();

        await using var hub = await TestHub.StartInAsync(Path.Combine(dir, "data"),
            $"--Hub:Mqtt:Tls:Port={tlsPort}", $"--Hub:Mqtt:Tls:CertificatePath={pfx}",
            "--Hub:Mqtt:Tls:CertificatePassword=hub-pass", $"--Hub:Mqtt:Tls:ClientCaPath={caPem}");
        try
        {
            Assert.Equal(MqttClientConnectResultCode.Success, await ConnectAsync(tlsPort, "14-04171", kioskCert));
            // The same certificate cannot open another kiosk's session.
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectAsync(tlsPort, "14-04172", kioskCert));
            Assert.Equal(1, hub.Metrics.RefusedConnections.Get("certificate-mismatch"));
            // A self-made certificate with the right CN is refused in the TLS handshake.
            Assert.Equal(MqttClientConnectResultCode.UnspecifiedError, await ConnectAsync(tlsPort, "14-04171", rogueCert));
        }
        finally
        {
            await hub.StopAsync();
            Directory.Delete(dir, recursive: true);
        }
    }
}
