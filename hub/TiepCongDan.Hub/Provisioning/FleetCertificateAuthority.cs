using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TiepCongDan.Hub.Provisioning;

/// <summary>
/// The fleet CA that issues kiosk client certificates (CN = kiosk id, client authentication) and
/// signs provisioning bundles. Made on first use (ECDSA P-256, 20 years) as fleet-ca.pem beside its
/// key fleet-ca.key (0600) in the hub's data folder; Hub:Mqtt:Tls:ClientCaPath points at the PEM.
/// </summary>
public sealed class FleetCertificateAuthority : IDisposable
{
    public const string CertificateFileName = "fleet-ca.pem";
    public const string KeyFileName = "fleet-ca.key";

    private FleetCertificateAuthority(X509Certificate2 certificate) => Certificate = certificate;

    /// <summary>The CA certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    public string CertificatePem => Certificate.ExportCertificatePem();

    public static FleetCertificateAuthority LoadOrCreate(string certificatePath, string keyPath, TimeProvider time)
    {
        if (!File.Exists(certificatePath) || !File.Exists(keyPath))
        {
            if (File.Exists(certificatePath) || File.Exists(keyPath))
            {
                throw new Options.HubConfigurationException(
                    $"Only one of the fleet CA files exists ({certificatePath}, {keyPath}): restore the other from backup; a new CA would orphan every kiosk certificate.");
            }

            Create(certificatePath, keyPath, time);
        }

        try
        {
            return new FleetCertificateAuthority(X509Certificate2.CreateFromPemFile(certificatePath, keyPath));
        }
        catch (CryptographicException ex)
        {
            throw new Options.HubConfigurationException($"The fleet CA {certificatePath} / {keyPath} cannot be read ({ex.Message}).", ex);
        }
    }

    /// <summary>A new key pair and certificate for one kiosk, valid 10 years.</summary>
    public (X509Certificate2 Certificate, string CertificatePem, string KeyPem) IssueClient(string kioskId, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={kioskId}, O=TiepCongDan"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        var notAfter = now.AddYears(10) < Certificate.NotAfter ? now.AddYears(10) : new DateTimeOffset(Certificate.NotAfter.ToUniversalTime());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var certificate = request.Create(Certificate, now.AddMinutes(-5), notAfter, serial);
        return (certificate, certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose() => Certificate.Dispose();

    private static void Create(string certificatePath, string keyPath, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName("CN=TiepCongDan Fleet CA, O=TiepCongDan"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(20));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyPath))!);
        WritePrivate(keyPath, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
    }

    internal static void WritePrivate(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(new FileStream(path, options));
        writer.Write(content);
    }
}
