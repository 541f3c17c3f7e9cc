using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TiepCongDan.Edge.Tests.Card.Authenticity;

/// <summary>A made-up CSCA and a document signer it issued, like a country's passport PKI.</summary>
internal sealed class TestPki : IDisposable
{
    public static readonly DateTimeOffset NotBefore = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private TestPki(X509Certificate2 csca, X509Certificate2 documentSigner, TestKeyKind kind)
    {
        Csca = csca;
        DocumentSigner = documentSigner;
        Kind = kind;
    }

    public X509Certificate2 Csca { get; }

    /// <summary>With its private key.</summary>
    public X509Certificate2 DocumentSigner { get; }

    public TestKeyKind Kind { get; }

    public static TestPki Create(TestKeyKind kind, string country = "Test CSCA VN")
    {
        var csca = CreateCsca(kind, country);
        var ds = CreateDocumentSigner(kind, csca, "Test Document Signer");
        return new TestPki(csca, ds, kind);
    }

    public void Dispose()
    {
        Csca.Dispose();
        DocumentSigner.Dispose();
    }

    private static X509Certificate2 CreateCsca(TestKeyKind kind, string name)
    {
        var request = NewRequest(kind, $"CN={name}, C=VN", out var key);
        using (key)
        {
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            return request.CreateSelfSigned(NotBefore, NotBefore.AddYears(15));
        }
    }

    private static X509Certificate2 CreateDocumentSigner(TestKeyKind kind, X509Certificate2 csca, string name)
    {
        var request = NewRequest(kind, $"CN={name}, C=VN", out var key);
        using (key)
        {
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(csca, true, false));
            var serial = new byte[] { 0x01, 0x23, 0x45, 0x67 };
            using var issued = request.Create(csca, NotBefore, NotBefore.AddYears(10), serial);
            return key switch
            {
                ECDsa ec => issued.CopyWithPrivateKey(ec),
                RSA rsa => issued.CopyWithPrivateKey(rsa),
                _ => throw new InvalidOperationException("unknown key"),
            };
        }
    }

    private static CertificateRequest NewRequest(TestKeyKind kind, string subject, out AsymmetricAlgorithm key)
    {
        if (kind == TestKeyKind.EcdsaP256)
        {
            var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            key = ec;
            return new CertificateRequest(subject, ec, HashAlgorithmName.SHA256);
        }

        var rsa = RSA.Create(2048);
        key = rsa;
        var padding = kind == TestKeyKind.Rsa2048Pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        return new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, padding);
    }
}
