using Microsoft.Extensions.Time.Testing;
using TiepCongDan.CardSim.Cccd;
using TiepCongDan.CardSim.Pki;
using TiepCongDan.Edge.Card.Authenticity;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.CardSim;

public sealed class VirtualCccdCard_Dg3_Tests
{
    [Fact]
    public void DG3_is_listed_and_signed_but_refused_even_under_secure_messaging()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { IncludeDg3 = true, IncludeDg2 = false });
        var reader = CardReader.Open(card, CccdPerson.Tuyet);

        var listed = BerTlv.ParseSingle(reader.ReadFile(0x011E)).Child(0x5C).Value.ToArray();
        Assert.Contains((byte)0x63, listed);
        Assert.Equal(StatusWords.Success, StatusWords.Of(reader.Session.Transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x03])));
        Assert.Equal((ushort)0x6982, StatusWords.Of(reader.Session.Transmit([0x00, 0xB0, 0x00, 0x00, 0x04])));
        Assert.True(card.AccessControlCompleted);

        var sod = SecurityObject.Parse(reader.ReadFile(0x011D));
        Assert.Contains(3, sod.DataGroupHashes.Keys);
        var readable = new Dictionary<int, byte[]> { [1] = reader.ReadFile(0x0101), [13] = reader.ReadFile(0x010D) };
        using var trust = new CscaTrustStore([System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(TestCardPki.Shared.Csca.RawData)]);
        var result = new PassiveAuthenticator(trust, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero))).Authenticate(sod, readable);
        Assert.Equal(PassiveAuthenticationStatus.Valid, result.Status);
        Assert.DoesNotContain("DG3", card.Log.FilesRead);
    }
}
