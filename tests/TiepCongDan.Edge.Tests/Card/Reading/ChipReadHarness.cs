using System.Security.Cryptography.X509Certificates;
using TiepCongDan.CardSim.Cccd;
using TiepCongDan.CardSim.Pki;
using TiepCongDan.Edge.Card.Authenticity;
using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Card.Reading;

/// <summary>A virtual CCCD on a direct transport and a chip reader over it, trusting the test CSCA, with its log recorded.</summary>
internal sealed class ChipReadHarness
{
    public ChipReadHarness(VirtualCccdCardOptions options, ChipReadSettings? settings = null, bool trustTestCsca = true, bool withPace = true)
    {
        Card = new VirtualCccdCard(options);
        Transport = new VirtualCardTransport(Card);
        TrustStore = trustTestCsca ? new CscaTrustStore([X509CertificateLoader.LoadCertificate(TestCardPki.Shared.Csca.RawData)]) : null;
        Reader = new CccdChipReader(Transport, settings ?? new ChipReadSettings(), TrustStore, TimeProvider.System, Logger, withPace ? new PaceAccess() : null);
    }

    public VirtualCccdCard Card { get; }

    public VirtualCardTransport Transport { get; }

    public CscaTrustStore? TrustStore { get; }

    public RecordingLogger Logger { get; } = new();

    public CccdChipReader Reader { get; }

    public CitizenIdentity Read(CardAccessKey key) => Reader.Read(key);

    public static CardAccessKey Mrz(CccdPerson person) => CardAccessKey.FromMrz(person.Td1MrzText, DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>Every field of <paramref name="person"/> the record carries, exactly (diacritics included).</summary>
    public static void AssertIsPerson(CccdPerson person, CitizenIdentity identity)
    {
        Assert.Equal(person.IdNumber, identity.IdNumber);
        Assert.Equal(person.FullName, identity.FullName);
        Assert.Equal(person.DateOfBirth, identity.DateOfBirth);
        Assert.Equal(person.Sex, identity.Sex);
        Assert.Equal(person.Nationality, identity.Nationality);
        Assert.Equal(person.Ethnicity, identity.Ethnicity);
        Assert.Equal(person.Religion, identity.Religion);
        Assert.Equal(person.PlaceOfOrigin, identity.PlaceOfOrigin);
        Assert.Equal(person.PlaceOfResidence, identity.PlaceOfResidence);
        Assert.Equal(person.DateOfIssue, identity.DateOfIssue);
        Assert.Equal(person.DateOfExpiry, identity.DateOfExpiry);
        Assert.Equal(person.FatherName, identity.FatherName);
        Assert.Equal(person.MotherName, identity.MotherName);
        Assert.Equal(person.SpouseName, identity.SpouseName);
    }
}
