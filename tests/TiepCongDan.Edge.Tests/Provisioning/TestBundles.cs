using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TiepCongDan.Contracts.Provisioning;

namespace TiepCongDan.Edge.Tests.Provisioning;

/// <summary>Bundles as `tcd-hub provision` seals them, from a fleet CA made for the test (ECDSA P-256, like the hub's).</summary>
internal static class TestBundles
{
    public const string KioskId = "14-04171";

    public static X509Certificate2 NewCa(string name = "Test Fleet CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.DigitalSignature, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
    }

    public static (byte[] Bundle, string Code) Seal(X509Certificate2 ca, X509Certificate2? signer = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={KioskId}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var client = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1), RandomNumberGenerator.GetBytes(8));
        var publicPart = new KioskBundlePublic
        {
            BundleId = "0011223344556677",
            KioskId = KioskId,
            Province = "14",
            Commune = "04171",
            HubUrl = "http://127.0.0.1:1",
            MqttHost = "hub.tinh14.example",
            MqttPort = 8883,
            MqttUseTls = true,
            SrtHost = "hub.tinh14.example",
            SrtPort = 9000,
            NtpServers = ["ntp.tinh14.example", "10.14.0.1"],
            ClientCertificatePem = client.ExportCertificatePem(),
            CertificateFingerprint = KioskBundle.Fingerprint(client),
            FleetCaCertificatePem = ca.ExportCertificatePem(),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var secrets = new KioskBundleSecrets
        {
            MqttPassword = "mqtt-password-of-the-test-kiosk",
            SrtPassphrase = "srt-passphrase-of-the-test-kiosk",
            ClientKeyPem = key.ExportPkcs8PrivateKeyPem(),
            MediaKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ReceptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        var code = OneTimeCode.Create();
        return (KioskBundle.Seal(publicPart, secrets, code, signer ?? ca), code);
    }
}
