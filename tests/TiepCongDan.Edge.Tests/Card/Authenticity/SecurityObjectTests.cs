using System.Security.Cryptography;
using TiepCongDan.Edge.Card.Authenticity;

namespace TiepCongDan.Edge.Tests.Card.Authenticity;

public sealed class SecurityObjectTests
{
    [Fact]
    public void Parse_exposes_hashes_algorithm_signer_and_signature()
    {
        using var pki = TestPki.Create(TestKeyKind.EcdsaP256);
        var groups = SampleDataGroups.Create();

        var sod = SecurityObject.Parse(SodBuilder.Build(pki, groups));

        Assert.Equal(0, sod.Version);
        Assert.Equal(HashAlgorithmName.SHA256, sod.HashAlgorithm);
        Assert.Equal([1, 13], sod.DataGroupHashes.Keys);
        Assert.Equal(SHA256.HashData(groups[13]), sod.DataGroupHashes[13]);
        Assert.Equal(pki.DocumentSigner.Thumbprint, sod.DocumentSigner.Thumbprint);
        Assert.NotEmpty(sod.Signature);
        Assert.Equal("1.2.840.10045.4.3.2", sod.SignatureAlgorithmOid);
    }

    [Fact]
    public void Bytes_after_the_tag_77_object_are_rejected()
    {
        using var pki = TestPki.Create(TestKeyKind.EcdsaP256);
        var bytes = SodBuilder.Build(pki, SampleDataGroups.Create());

        var ex = Assert.Throws<SecurityObjectException>(() => SecurityObject.Parse([.. bytes, 0x00]));

        Assert.Contains("after its tag 77", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_outer_tag_is_rejected()
    {
        using var pki = TestPki.Create(TestKeyKind.EcdsaP256);
        var bytes = SodBuilder.Build(pki, SampleDataGroups.Create());
        bytes[0] = 0x6D;

        Assert.Throws<SecurityObjectException>(() => SecurityObject.Parse(bytes));
    }
}
