using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TiepCongDan.Edge.Tests.Infrastructure;

/// <summary>A throwaway PKI for TLS tests: CAs, a hub server certificate, kiosk client certificates, PEM files.</summary>
internal static class TestCertificates
{
    public static X509Certificate2 Ca(string name) => Issue(name, null, isCa: true);

    /// <summary>Server certificate valid for localhost and 127.0.0.1 (server-auth EKU).</summary>
    public static X509Certificate2 Server(X509Certificate2 ca) => Issue("tcd-hub", ca, isCa: false, server: true);

    /// <summary>Client certificate whose CN is the kiosk id (client-auth EKU), as the hub expects.</summary>
    public static X509Certificate2 Client(X509Certificate2 ca, string kioskId) => Issue(kioskId, ca, isCa: false, server: false);

    /// <summary>Writes the certificate and its private key as two PEM files; returns (certificate, key) paths.</summary>
    public static (string Certificate, string Key) WritePem(X509Certificate2 certificate, string directory, string name)
    {
        var certificatePath = Path.Combine(directory, name + ".pem");
        var keyPath = Path.Combine(directory, name + ".key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("test certificates carry an ECDsa key");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    /// <summary>True when <paramref name="certificate"/> chains to <paramref name="ca"/> alone (no system store).</summary>
    public static bool ChainsTo(X509Certificate certificate, X509Certificate2 ca)
    {
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }

    private static X509Certificate2 Issue(string subject, X509Certificate2? issuer, bool isCa, bool server = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        if (isCa)
        {
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        }
        else if (server)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName("localhost");
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        }
        else
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        }

        // A leaf must not outlive its issuer: the CA lives a day, leaves an hour less.
        var notBefore = DateTimeOffset.UtcNow.AddMinutes(-5);
        var notAfter = issuer is null ? notBefore.AddDays(1) : issuer.NotAfter.ToUniversalTime().AddHours(-1);
        using var certificate = issuer is null
            ? request.CreateSelfSigned(notBefore, notAfter)
            : request.Create(issuer, notBefore, notAfter, RandomNumberGenerator.GetBytes(8)).CopyWithPrivateKey(key);
        // Round trip through PKCS#12 so SslStream can use the private key.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12, "p"), "p");
    }
}
