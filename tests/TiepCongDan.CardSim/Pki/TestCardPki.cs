using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TiepCongDan.CardSim.Pki;

/// <summary>
/// A made-up country signing CA (self-signed, keyCertSign) with the document signer it issued, and a
/// second, unrelated CSCA with its own document signer for "unknown issuer" tests. RSA 2048 with
/// SHA-256, valid 2020-2045 (document signers to 2040), so reads at any time these tests run verify.
/// Thread-safe after construction (read-only certificates).
/// </summary>
public sealed class TestCardPki : IDisposable
{
    private static readonly DateTimeOffset NotBefore = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<TestCardPki> SharedInstance = new(() => Create(), LazyThreadSafetyMode.ExecutionAndPublication);

    private TestCardPki(X509Certificate2 csca, X509Certificate2 documentSigner, X509Certificate2 unknownCsca, X509Certificate2 unknownDocumentSigner)
    {
        Csca = csca;
        DocumentSigner = documentSigner;
        UnknownCsca = unknownCsca;
        UnknownDocumentSigner = unknownDocumentSigner;
    }

    /// <summary>One PKI per test process: RSA key generation is slow on a loaded machine. Never disposed.</summary>
    public static TestCardPki Shared => SharedInstance.Value;

    /// <summary>The CSCA a reader's trust store should hold.</summary>
    public X509Certificate2 Csca { get; }

    /// <summary>Issued by <see cref="Csca"/>; carries its private key.</summary>
    public X509Certificate2 DocumentSigner { get; }

    /// <summary>A CSCA that issued nothing on a genuine card: trust it alone and a genuine card is "unknown issuer".</summary>
    public X509Certificate2 UnknownCsca { get; }

    /// <summary>Issued by <see cref="UnknownCsca"/>; carries its private key (for cards signed by a foreign issuer).</summary>
    public X509Certificate2 UnknownDocumentSigner { get; }

    public static TestCardPki Create()
    {
        var csca = CreateCsca("CN=CSCA Viet Nam (test only), O=TiepCongDan tests, C=VN");
        var ds = CreateDocumentSigner(csca, "CN=Document Signer CCCD (test only), O=TiepCongDan tests, C=VN");
        var unknown = CreateCsca("CN=Unrelated CSCA (test only), O=Nobody, C=ZZ");
        var unknownDs = CreateDocumentSigner(unknown, "CN=Unrelated Document Signer (test only), O=Nobody, C=ZZ");
        return new TestCardPki(csca, ds, unknown, unknownDs);
    }

    /// <summary>Writes <see cref="Csca"/> as csca.pem into <paramref name="directory"/> (the reader's --csca trust store); returns the file.</summary>
    public string WriteCscaPem(string directory) => WritePem(directory, "csca.pem", Csca);

    /// <summary>Writes <see cref="UnknownCsca"/> as unknown-csca.pem into <paramref name="directory"/>; returns the file.</summary>
    public string WriteUnknownCscaPem(string directory) => WritePem(directory, "unknown-csca.pem", UnknownCsca);

    public void Dispose()
    {
        Csca.Dispose();
        DocumentSigner.Dispose();
        UnknownCsca.Dispose();
        UnknownDocumentSigner.Dispose();
    }

    private static string WritePem(string directory, string name, X509Certificate2 certificate)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
        return path;
    }

    private static X509Certificate2 CreateCsca(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(NotBefore, NotBefore.AddYears(25));
    }

    private static X509Certificate2 CreateDocumentSigner(X509Certificate2 csca, string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(csca, true, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] &= 0x7F;
        using var issued = request.Create(csca, NotBefore, NotBefore.AddYears(20), serial);
        return issued.CopyWithPrivateKey(key);
    }
}
