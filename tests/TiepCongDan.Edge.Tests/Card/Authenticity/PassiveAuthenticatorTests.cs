using TiepCongDan.Edge.Card.Authenticity;

namespace TiepCongDan.Edge.Tests.Card.Authenticity;

public sealed class PassiveAuthenticatorTests
{
    private static readonly DateTimeOffset ReadAt = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TestKeyKind.EcdsaP256)]
    [InlineData(TestKeyKind.Rsa2048Pkcs1)]
    [InlineData(TestKeyKind.Rsa2048Pss)]
    public void Genuine_card_is_valid(TestKeyKind kind)
    {
        using var pki = TestPki.Create(kind);
        var groups = SampleDataGroups.Create();
        var sod = SecurityObject.Parse(SodBuilder.Build(pki, groups));

        var result = Authenticate(pki.Csca, sod, groups);

        Assert.Equal(PassiveAuthenticationStatus.Valid, result.Status);
        Assert.True(result.IsValid);
        Assert.Contains("2 data group(s) match", result.Reason, StringComparison.Ordinal);
        Assert.Contains("CN=Test CSCA VN, C=VN", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestKeyKind.EcdsaP256)]
    [InlineData(TestKeyKind.Rsa2048Pkcs1)]
    public void One_altered_byte_in_DG13_is_invalid_and_names_DG13(TestKeyKind kind)
    {
        using var pki = TestPki.Create(kind);
        var groups = SampleDataGroups.Create();
        var sod = SecurityObject.Parse(SodBuilder.Build(pki, groups));
        groups[13][^3] ^= 0x01;

        var result = Authenticate(pki.Csca, sod, groups);

        Assert.Equal(PassiveAuthenticationStatus.Invalid, result.Status);
        Assert.Equal("DG13 hash does not match the security object.", result.Reason);
    }

    [Fact]
    public void Data_group_absent_from_the_security_object_is_invalid()
    {
        using var pki = TestPki.Create(TestKeyKind.EcdsaP256);
        var groups = SampleDataGroups.Create();
        var sod = SecurityObject.Parse(SodBuilder.Build(pki, groups));
        groups[2] = [0x75, 0x01, 0x00];

        var result = Authenticate(pki.Csca, sod, groups);

        Assert.Equal(PassiveAuthenticationStatus.Invalid, result.Status);
        Assert.Contains("DG2", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestKeyKind.EcdsaP256)]
    [InlineData(TestKeyKind.Rsa2048Pkcs1)]
    [InlineData(TestKeyKind.Rsa2048Pss)]
    public void Altered_signature_is_invalid(TestKeyKind kind)
    {
        using var pki = TestPki.Create(kind);
        var groups = SampleDataGroups.Create();
        var bytes = SodBuilder.Build(pki, groups);
        var signature = SecurityObject.Parse(bytes).Signature;
        var at = bytes.AsSpan().IndexOf(signature);
        Assert.True(at > 0, "the signature value must appear in the encoded SOD");
        bytes[at + signature.Length - 1] ^= 0x01;

        var result = Authenticate(pki.Csca, SecurityObject.Parse(bytes), groups);

        Assert.Equal(PassiveAuthenticationStatus.Invalid, result.Status);
        Assert.Contains("signature", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_list_altered_after_signing_is_invalid_by_signature()
    {
        // An attacker who edits DG13 and the hash in the SOD to match breaks the messageDigest instead.
        using var pki = TestPki.Create(TestKeyKind.EcdsaP256);
        var groups = SampleDataGroups.Create();
        var bytes = SodBuilder.Build(pki, groups);
        var oldHash = SecurityObject.Parse(bytes).DataGroupHashes[13];
        groups[13][^3] ^= 0x01;
        var newHash = System.Security.Cryptography.SHA256.HashData(groups[13]);
        var at = bytes.AsSpan().IndexOf(oldHash);
        newHash.CopyTo(bytes, at);

        var result = Authenticate(pki.Csca, SecurityObject.Parse(bytes), groups);

        Assert.Equal(PassiveAuthenticationStatus.Invalid, result.Status);
        Assert.Contains("signature", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Trust_store_without_the_CSCA_is_unknown_issuer()
    {
        using var pki = TestPki.Create(TestKeyKind.EcdsaP256);
        var groups = SampleDataGroups.Create();
        var sod = SecurityObject.Parse(SodBuilder.Build(pki, groups));
        using var store = new CscaTrustStore([]);

        var result = new PassiveAuthenticator(store, TimeProvider.System).Authenticate(sod, groups, ReadAt);

        Assert.Equal(PassiveAuthenticationStatus.UnknownIssuer, result.Status);
    }

    [Theory]
    [InlineData("Other CSCA")]
    [InlineData("Test CSCA VN")]
    public void Document_signer_from_another_CSCA_is_unknown_issuer(string otherName)
    {
        // Same name as the trusted CSCA too: a forger copying the issuer's name gains nothing.
        using var trusted = TestPki.Create(TestKeyKind.EcdsaP256);
        using var other = TestPki.Create(TestKeyKind.EcdsaP256, otherName);
        var groups = SampleDataGroups.Create();
        var sod = SecurityObject.Parse(SodBuilder.Build(other, groups));

        var result = Authenticate(trusted.Csca, sod, groups);

        Assert.Equal(PassiveAuthenticationStatus.UnknownIssuer, result.Status);
        Assert.Contains($"CN={otherName}, C=VN", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_signer_outside_its_validity_is_invalid()
    {
        using var pki = TestPki.Create(TestKeyKind.EcdsaP256);
        var groups = SampleDataGroups.Create();
        var sod = SecurityObject.Parse(SodBuilder.Build(pki, groups));
        using var store = new CscaTrustStore([pki.Csca]);
        var fake = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestPki.NotBefore.AddYears(12));

        var result = new PassiveAuthenticator(store, fake).Authenticate(sod, groups);

        Assert.Equal(PassiveAuthenticationStatus.Invalid, result.Status);
        Assert.Contains("not valid on 2036", result.Reason, StringComparison.Ordinal);
    }

    private static PassiveAuthenticationResult Authenticate(
        System.Security.Cryptography.X509Certificates.X509Certificate2 csca,
        SecurityObject sod,
        IReadOnlyDictionary<int, byte[]> groups)
    {
        // The store does not own the test's certificate: do not dispose it here.
        var store = new CscaTrustStore([csca]);
        return new PassiveAuthenticator(store, TimeProvider.System).Authenticate(sod, groups, ReadAt);
    }
}
