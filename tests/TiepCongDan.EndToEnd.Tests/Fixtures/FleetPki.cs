using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// A throwaway fleet PKI written to a temp folder, in the file shapes the programs read:
/// the fleet CA as PEM, the hub's server certificate as a password-protected PFX, and kiosk
/// client certificates as PEM certificate + unencrypted PKCS#8 PEM key (CN = kiosk id).
/// </summary>
public sealed class FleetPki : IDisposable
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    private readonly TempDirectory _directory = new("pki");
    private readonly X509Certificate2 _ca;

    public FleetPki(string caName = "Fleet CA")
    {
        _ca = Issue(caName, null, isCa: true, eku: null);
        CaPemPath = _directory.Combine("fleet-ca.pem");
        File.WriteAllText(CaPemPath, _ca.ExportCertificatePem());
    }

    public string CaPemPath { get; }

    public string HubPfxPassword { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    /// <summary>Writes hub.pfx: CN=tcd-hub, SAN localhost + 127.0.0.1, serverAuth.</summary>
    public string WriteHubPfx()
    {
        using var server = Issue("tcd-hub", _ca, isCa: false, eku: ServerAuth, serverNames: true);
        var path = _directory.Combine("hub.pfx");
        File.WriteAllBytes(path, server.Export(X509ContentType.Pfx, HubPfxPassword));
        return path;
    }

    /// <summary>Writes {name}.pem and {name}.key for a kiosk client certificate with the given CN.</summary>
    public (string Certificate, string Key) WriteKioskCertificate(string commonName, string name)
    {
        using var client = Issue(commonName, _ca, isCa: false, eku: ClientAuth);
        var certificatePath = _directory.Combine(name + ".pem");
        var keyPath = _directory.Combine(name + ".key");
        File.WriteAllText(certificatePath, client.ExportCertificatePem());
        using var key = client.GetECDsaPrivateKey() ?? throw new InvalidOperationException("the kiosk certificate has no ECDsa key");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return (certificatePath, keyPath);
    }

    public void Dispose()
    {
        _ca.Dispose();
        _directory.Dispose();
    }

    private static X509Certificate2 Issue(string subject, X509Certificate2? issuer, bool isCa, string? eku, bool serverNames = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        if (isCa)
        {
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        }

        if (serverNames)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName("localhost");
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
        }

        if (eku is not null)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(eku)], false));
        }

        // A leaf must not outlive its issuer (chain building rejects it): CA one day, leaves an hour less.
        var notBefore = DateTimeOffset.UtcNow.AddMinutes(-5);
        var notAfter = issuer is null ? notBefore.AddDays(1) : issuer.NotAfter.ToUniversalTime().AddHours(-1);
        using var certificate = issuer is null
            ? request.CreateSelfSigned(notBefore, notAfter)
            : request.Create(issuer, notBefore, notAfter, RandomNumberGenerator.GetBytes(8)).CopyWithPrivateKey(key);
        // Round trip through PFX so the private key stays usable after the ephemeral key is disposed.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx, "p"), "p");
    }
}
