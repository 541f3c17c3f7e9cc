using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.CardSim.Cccd;
using TiepCongDan.CardSim.Pki;
using TiepCongDan.Edge.Card.Authenticity;

namespace TiepCongDan.Edge.Tests.CardSim;

public sealed class VirtualCccdCard_PassiveAuthentication_Tests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Every_data_group_read_is_valid_against_the_test_CSCA_written_as_PEM()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var (sod, groups) = ReadAll(card);
        var directory = Directory.CreateTempSubdirectory("cardsim-csca-");
        try
        {
            TestCardPki.Shared.WriteCscaPem(directory.FullName);
            using var trust = CscaTrustStore.LoadFromDirectory(directory.FullName);

            var result = new PassiveAuthenticator(trust, Time).Authenticate(SecurityObject.Parse(sod), groups);

            Assert.Equal(PassiveAuthenticationStatus.Valid, result.Status);
            Assert.Contains("5 data group(s) match", result.Reason, StringComparison.Ordinal);
            Assert.Contains("CSCA Viet Nam (test only)", result.Reason, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_security_object_lists_a_SHA256_hash_of_every_data_group_present()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { IncludeDg2 = false });

        var sod = SecurityObject.Parse(card.Image.Sod);

        Assert.Equal(System.Security.Cryptography.HashAlgorithmName.SHA256, sod.HashAlgorithm);
        Assert.Equal([1, 13, 14, 15], sod.DataGroupHashes.Keys);
        Assert.Equal(TestCardPki.Shared.DocumentSigner.Thumbprint, sod.DocumentSigner.Thumbprint);
    }

    [Fact]
    public void One_byte_of_DG13_altered_after_signing_is_invalid_and_names_DG13()
    {
        var person = CccdPerson.Tuyet;
        var offset = CccdCardImage.OffsetInDg13(person, person.IdNumber) + 11;
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { Person = person }.TamperDg13AfterSigning(offset));
        var (sod, groups) = ReadAll(card);

        var result = Authenticate(TestCardPki.Shared.Csca, sod, groups);

        Assert.Equal(PassiveAuthenticationStatus.Invalid, result.Status);
        Assert.Equal("DG13 hash does not match the security object.", result.Reason);
        Assert.NotEqual(person.IdNumber, Edge.Card.Parsing.Dg13.Parse(groups[13]).IdNumber);
    }

    [Fact]
    public void Trusting_only_the_unrelated_CSCA_gives_unknown_issuer()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var (sod, groups) = ReadAll(card);

        var result = Authenticate(TestCardPki.Shared.UnknownCsca, sod, groups);

        Assert.Equal(PassiveAuthenticationStatus.UnknownIssuer, result.Status);
        Assert.Contains("CSCA Viet Nam (test only)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_signed_under_the_unrelated_CSCA_is_unknown_issuer_to_the_test_CSCA()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { SignWithUnknownCsca = true });
        var (sod, groups) = ReadAll(card);

        var result = Authenticate(TestCardPki.Shared.Csca, sod, groups);

        Assert.Equal(PassiveAuthenticationStatus.UnknownIssuer, result.Status);
        Assert.Contains("Unrelated CSCA (test only)", result.Reason, StringComparison.Ordinal);
    }

    private static PassiveAuthenticationResult Authenticate(X509Certificate2 csca, byte[] sod, Dictionary<int, byte[]> groups)
    {
        using var trust = new CscaTrustStore([X509CertificateLoader.LoadCertificate(csca.RawData)]);
        return new PassiveAuthenticator(trust, Time).Authenticate(SecurityObject.Parse(sod), groups);
    }

    private static (byte[] Sod, Dictionary<int, byte[]> Groups) ReadAll(VirtualCccdCard card)
    {
        var reader = CardReader.Open(card, CccdPerson.Tuyet);
        var groups = card.Image.DataGroups.Keys.ToDictionary(n => n, n => reader.ReadFile((ushort)(0x0100 + n)));
        return (reader.ReadFile(0x011D), groups);
    }
}
