using TiepCongDan.CardSim.Cccd;
using TiepCongDan.CardSim.Cccd.Pace;
using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Reading;

namespace TiepCongDan.Edge.Tests.Card.Reading;

/// <summary>Each way into the chip (BAC from the MRZ or the QR, PACE from the CAN or the QR) ends in the citizen's exact record, "valid".</summary>
public sealed class ChipRead_Access_Tests
{
    [Fact]
    public void Bac_from_the_mrz_reads_the_exact_record_and_valid()
    {
        var harness = new ChipReadHarness(new VirtualCccdCardOptions());

        using var identity = harness.Read(ChipReadHarness.Mrz(CccdPerson.Tuyet));

        ChipReadHarness.AssertIsPerson(CccdPerson.Tuyet, identity);
        Assert.Equal(AccessProtocol.Bac, identity.AccessProtocol);
        Assert.Equal(CardAuthenticityStatus.Valid, identity.Authenticity.Status);
        Assert.Equal(ActiveAuthenticationStatus.Valid, identity.Authenticity.Active.Status);
    }

    [Fact]
    public void Bac_from_the_qr_finds_the_expiry_among_the_candidates()
    {
        var harness = new ChipReadHarness(new VirtualCccdCardOptions());

        using var identity = harness.Read(CardAccessKey.FromQr(CccdPerson.Tuyet.FrontQrText));

        ChipReadHarness.AssertIsPerson(CccdPerson.Tuyet, identity);
        Assert.Equal(AccessProtocol.Bac, identity.AccessProtocol);
        Assert.Equal(CardAuthenticityStatus.Valid, identity.Authenticity.Status);
    }

    [Fact]
    public void Bac_from_the_qr_tries_the_next_expiry_candidate_after_a_refused_one()
    {
        // Issued 1 year before turning 40: the two-year rule says valid to 60, the other reading says 40.
        var person = CccdPerson.Tuyet with { DateOfIssue = new DateOnly(2029, 4, 1), DateOfExpiry = new DateOnly(2030, 3, 15) };
        var harness = new ChipReadHarness(new VirtualCccdCardOptions { Person = person });
        var key = CardAccessKey.FromQr(person.FrontQrText);
        Assert.True(key.BacCandidates.Count > 1, "the QR should give several expiry candidates");

        using var identity = harness.Read(key);

        Assert.Equal(person.IdNumber, identity.IdNumber);
        Assert.Contains(harness.Logger.Entries, e => e.EventId == 5103);
    }

    [Fact]
    public void Pace_from_the_can_reads_the_exact_record_and_valid()
    {
        var person = CccdPerson.Hung;
        var harness = new ChipReadHarness(new VirtualCccdCardOptions { Person = person, Pace = new CardPaceResponder(person.Can) });

        using var identity = harness.Read(CardAccessKey.FromCan(person.Can));

        ChipReadHarness.AssertIsPerson(person, identity);
        Assert.Equal(AccessProtocol.Pace, identity.AccessProtocol);
        Assert.Equal(CardAuthenticityStatus.Valid, identity.Authenticity.Status);
    }

    [Fact]
    public void Pace_from_the_qr_uses_the_can_and_works_when_select_mf_answers_6d00()
    {
        var person = CccdPerson.Tuyet;
        var harness = new ChipReadHarness(new VirtualCccdCardOptions
        {
            Person = person,
            Pace = new CardPaceResponder(person.Can, CardPaceResponder.EcdhGm3Des),
            SelectMasterFileAnswers6D00 = true,
        });

        using var identity = harness.Read(CardAccessKey.FromQr(person.FrontQrText));

        ChipReadHarness.AssertIsPerson(person, identity);
        Assert.Equal(AccessProtocol.Pace, identity.AccessProtocol);
        Assert.Equal(CardAuthenticityStatus.Valid, identity.Authenticity.Status);
    }

    [Fact]
    public void Pace_only_card_is_read_with_the_can_and_a_bac_only_card_refuses_a_can_with_its_own_message()
    {
        var person = CccdPerson.Tuyet;
        var paceOnly = new ChipReadHarness(new VirtualCccdCardOptions { Person = person, Pace = new CardPaceResponder(person.Can), SupportsBac = false });
        using (var identity = paceOnly.Read(CardAccessKey.FromCan(person.Can)))
        {
            Assert.Equal(AccessProtocol.Pace, identity.AccessProtocol);
        }

        var bacOnly = new ChipReadHarness(new VirtualCccdCardOptions { Person = person });
        var error = Assert.Throws<CardReadException>(() => bacOnly.Read(CardAccessKey.FromCan(person.Can)));
        Assert.Equal(CardReadFailure.AccessNotPossible, error.Failure);
        Assert.Equal(CardReadMessages.NoPace, error.StaffMessage);
    }
}
