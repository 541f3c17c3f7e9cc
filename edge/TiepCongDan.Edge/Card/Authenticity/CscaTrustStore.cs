using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TiepCongDan.Edge.Card.Authenticity;

/// <summary>
/// The country signing CA certificates we trust (Vietnam's CSCA, and test CSCAs in tests).
/// Loaded once at start; read-only afterwards, so safe to share between threads.
/// </summary>
public sealed class CscaTrustStore : IDisposable
{
    private static readonly string[] CertificateExtensions = [".pem", ".crt", ".cer", ".der"];

    public CscaTrustStore(IEnumerable<X509Certificate2> certificates)
    {
        Certificates = [.. certificates];
    }

    public IReadOnlyList<X509Certificate2> Certificates { get; }

    /// <summary>
    /// Loads every *.pem, *.crt, *.cer and *.der file in <paramref name="directory"/> (PEM files may hold
    /// several certificates). A file that is not a certificate stops the load: a trust store that
    /// silently lost its CSCA would turn every genuine card into "unknown issuer".
    /// </summary>
    public static CscaTrustStore LoadFromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The CSCA trust store directory '{directory}' does not exist.");
        }

        var certificates = new List<X509Certificate2>();
        var files = Directory.EnumerateFiles(directory)
            .Where(f => CertificateExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            certificates.AddRange(LoadFile(file));
        }

        return new CscaTrustStore(certificates);
    }

    public void Dispose()
    {
        foreach (var certificate in Certificates)
        {
            certificate.Dispose();
        }
    }

    private static List<X509Certificate2> LoadFile(string file)
    {
        var bytes = File.ReadAllBytes(file);
        try
        {
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                return [X509CertificateLoader.LoadCertificate(bytes)];
            }

            var result = new List<X509Certificate2>();
            var rest = text.AsSpan();
            while (PemEncoding.TryFind(rest, out var fields))
            {
                if (rest[fields.Label].SequenceEqual("CERTIFICATE"))
                {
                    var der = Convert.FromBase64String(rest[fields.Base64Data].ToString());
                    result.Add(X509CertificateLoader.LoadCertificate(der));
                }

                rest = rest[fields.Location.End.GetOffset(rest.Length)..];
            }

            if (result.Count == 0)
            {
                throw new SecurityObjectException($"The CSCA file '{file}' holds no PEM CERTIFICATE block.");
            }

            return result;
        }
        catch (CryptographicException ex)
        {
            throw new SecurityObjectException($"The CSCA file '{file}' is not a readable X.509 certificate.", ex);
        }
        catch (FormatException ex)
        {
            throw new SecurityObjectException($"The CSCA file '{file}' has damaged PEM base64.", ex);
        }
    }
}
