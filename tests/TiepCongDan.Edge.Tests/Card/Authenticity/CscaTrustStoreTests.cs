using TiepCongDan.Edge.Card.Authenticity;

namespace TiepCongDan.Edge.Tests.Card.Authenticity;

public sealed class CscaTrustStoreTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "tcd-csca-" + Guid.NewGuid().ToString("N"));

    public CscaTrustStoreTests()
    {
        Directory.CreateDirectory(directory);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Loads_PEM_with_several_certificates_and_DER_and_ignores_other_files()
    {
        using var a = TestPki.Create(TestKeyKind.EcdsaP256, "CSCA A");
        using var b = TestPki.Create(TestKeyKind.Rsa2048Pkcs1, "CSCA B");
        using var c = TestPki.Create(TestKeyKind.EcdsaP256, "CSCA C");
        File.WriteAllText(Path.Combine(directory, "ab.pem"), a.Csca.ExportCertificatePem() + "\n" + b.Csca.ExportCertificatePem() + "\n");
        File.WriteAllBytes(Path.Combine(directory, "c.der"), c.Csca.RawData);
        File.WriteAllText(Path.Combine(directory, "README.txt"), "not a certificate");

        using var store = CscaTrustStore.LoadFromDirectory(directory);

        Assert.Equal(
            new[] { "CN=CSCA A, C=VN", "CN=CSCA B, C=VN", "CN=CSCA C, C=VN" },
            store.Certificates.Select(x => x.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Store_loaded_from_a_directory_makes_a_genuine_card_valid()
    {
        using var pki = TestPki.Create(TestKeyKind.Rsa2048Pkcs1);
        File.WriteAllText(Path.Combine(directory, "csca.crt"), pki.Csca.ExportCertificatePem());
        var groups = SampleDataGroups.Create();
        var sod = SecurityObject.Parse(SodBuilder.Build(pki, groups));
        using var store = CscaTrustStore.LoadFromDirectory(directory);

        var result = new PassiveAuthenticator(store, TimeProvider.System)
            .Authenticate(sod, groups, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(PassiveAuthenticationStatus.Valid, result.Status);
    }

    [Fact]
    public void Damaged_certificate_file_stops_the_load_naming_the_file()
    {
        File.WriteAllBytes(Path.Combine(directory, "broken.der"), [0x30, 0x03, 0x02, 0x01]);

        var ex = Assert.Throws<SecurityObjectException>(() => CscaTrustStore.LoadFromDirectory(directory));

        Assert.Contains("broken.der", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_directory_is_reported()
    {
        Assert.Throws<DirectoryNotFoundException>(() => CscaTrustStore.LoadFromDirectory(Path.Combine(directory, "nope")));
    }
}
