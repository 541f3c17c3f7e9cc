using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TiepCongDan.Edge.Sparkplug;

/// <summary>
/// Loads the kiosk's TLS files (PEM, as a province's CA tooling hands them out). Used by the
/// options validator at start and by the node factory, so a file that the validator accepted
/// is exactly what the node connects with.
/// </summary>
public static class MqttCertificateFiles
{
    /// <summary>The first certificate of a PEM file (the CA the hub's certificate must chain to).</summary>
    public static X509Certificate2 LoadCa(string path) => X509CertificateLoader.LoadCertificate(PemCertificateBytes(path));

    /// <summary>
    /// Certificate plus private key, re-exported through PKCS#12: on Linux SslStream cannot present
    /// an ephemeral key that CreateFromPemFile attaches, so the round trip makes it usable.
    /// </summary>
    public static X509Certificate2 LoadClient(string certificatePath, string keyPath)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The certificate's common name (CN), or an empty string when it has none.</summary>
    public static string CommonName(X509Certificate2 certificate) =>
        certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) ?? string.Empty;

    private static byte[] PemCertificateBytes(string path)
    {
        var text = File.ReadAllText(path);
        var fields = PemEncoding.Find(text);
        var label = text[fields.Label];
        if (label != "CERTIFICATE")
        {
            throw new CryptographicException($"the first PEM block is '{label}', not 'CERTIFICATE'");
        }

        return Convert.FromBase64String(text[fields.Base64Data]);
    }
}
