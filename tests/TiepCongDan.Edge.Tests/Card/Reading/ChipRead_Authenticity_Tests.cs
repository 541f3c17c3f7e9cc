using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Edge.Card.Authenticity;
using TiepCongDan.Edge.Card.Identity;

namespace TiepCongDan.Edge.Tests.Card.Reading;

/// <summary>What the record says about a card whose data or issuer cannot be trusted.</summary>
public sealed class ChipRead_Authenticity_Tests
{
    [Fact]
    public void One_altered_byte_in_dg13_is_invalid_and_names_dg13()
    {
        var harness = new ChipReadHarness(new VirtualCccdCardOptions().TamperDg13AfterSigning(NameOffset()));

        using var identity = harness.Read(ChipReadHarness.Mrz(CccdPerson.Tuyet));

        Assert.Equal(CardAuthenticityStatus.Invalid, identity.Authenticity.Status);
        Assert.Equal(PassiveAuthenticationStatus.Invalid, identity.Authenticity.Passive.Status);
        Assert.Contains("DG13", identity.Authenticity.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_signed_under_an_unknown_csca_is_unknown_issuer()
    {
        var harness = new ChipReadHarness(new VirtualCccdCardOptions { SignWithUnknownCsca = true });

        using var identity = harness.Read(ChipReadHarness.Mrz(CccdPerson.Tuyet));

        Assert.Equal(CardAuthenticityStatus.UnknownIssuer, identity.Authenticity.Status);
        Assert.Contains("Unrelated CSCA", identity.Authenticity.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_trust_store_a_genuine_card_is_unknown_issuer_saying_none_is_configured()
    {
        var harness = new ChipReadHarness(new VirtualCccdCardOptions(), trustTestCsca: false);

        using var identity = harness.Read(ChipReadHarness.Mrz(CccdPerson.Tuyet));

        Assert.Equal(CardAuthenticityStatus.UnknownIssuer, identity.Authenticity.Status);
        Assert.Contains("No CSCA trust store is configured", identity.Authenticity.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_trust_store_an_altered_card_is_still_invalid()
    {
        var harness = new ChipReadHarness(new VirtualCccdCardOptions().TamperDg13AfterSigning(NameOffset()), trustTestCsca: false);

        using var identity = harness.Read(ChipReadHarness.Mrz(CccdPerson.Tuyet));

        Assert.Equal(CardAuthenticityStatus.Invalid, identity.Authenticity.Status);
        Assert.Contains("DG13", identity.Authenticity.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Active_authentication_is_valid_with_dg15_and_not_present_without()
    {
        var withDg15 = new ChipReadHarness(new VirtualCccdCardOptions());
        using (var identity = withDg15.Read(ChipReadHarness.Mrz(CccdPerson.Tuyet)))
        {
            Assert.Equal(ActiveAuthenticationStatus.Valid, identity.Authenticity.Active.Status);
            Assert.Contains(withDg15.Card.Log.Entries, e => e.Instruction == 0x88 && e.SecureMessaging);
        }

        var withoutDg15 = new ChipReadHarness(new VirtualCccdCardOptions { IncludeDg15 = false });
        using (var identity = withoutDg15.Read(ChipReadHarness.Mrz(CccdPerson.Tuyet)))
        {
            Assert.Equal(ActiveAuthenticationStatus.NotPresent, identity.Authenticity.Active.Status);
            Assert.Equal(CardAuthenticityStatus.Valid, identity.Authenticity.Status);
            Assert.DoesNotContain(withoutDg15.Card.Log.Entries, e => e.Instruction == 0x88);
        }
    }

    /// <summary>An ASCII letter of the full name inside DG13: flipping its low bit keeps the group parseable, only the hash breaks.</summary>
    private static int NameOffset()
    {
        var dg13 = new VirtualCccdCard(new VirtualCccdCardOptions()).Image.Dg13;
        var at = dg13.AsSpan().IndexOf("Nguy"u8);
        Assert.True(at > 0, "the test person's name was not found in DG13");
        return at + 1;
    }
}
