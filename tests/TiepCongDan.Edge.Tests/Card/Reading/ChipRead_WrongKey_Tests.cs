using TiepCongDan.CardSim.Cccd;
using TiepCongDan.CardSim.Cccd.Pace;
using TiepCongDan.Edge.Card.Reading;

namespace TiepCongDan.Edge.Tests.Card.Reading;

/// <summary>A key that does not belong to the card ends in a message telling the staff which input to check.</summary>
public sealed class ChipRead_WrongKey_Tests
{
    [Fact]
    public void Another_cards_mrz_asks_to_check_the_document_number_and_dates()
    {
        var harness = new ChipReadHarness(new VirtualCccdCardOptions { Person = CccdPerson.Tuyet });

        var error = Assert.Throws<CardReadException>(() => harness.Read(ChipReadHarness.Mrz(CccdPerson.Hung)));

        Assert.Equal(CardReadFailure.WrongKey, error.Failure);
        Assert.Equal(CardReadMessages.WrongKeyMrz, error.StaffMessage);
        Assert.Contains("số giấy tờ, ngày sinh và ngày hết hạn", error.StaffMessage, StringComparison.Ordinal);
        Assert.Contains("document number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_cards_qr_asks_to_rescan_the_qr_after_pace_and_every_bac_candidate_fail()
    {
        var harness = new ChipReadHarness(new VirtualCccdCardOptions { Person = CccdPerson.Tuyet, Pace = new CardPaceResponder(CccdPerson.Tuyet.Can) });

        var error = Assert.Throws<CardReadException>(() => harness.Read(CardAccessKey.FromQr(CccdPerson.Hung.FrontQrText)));

        Assert.Equal(CardReadFailure.WrongKey, error.Failure);
        Assert.Equal(CardReadMessages.WrongKeyQr, error.StaffMessage);
        Assert.Contains("quét lại mã QR", error.StaffMessage, StringComparison.Ordinal);
        Assert.Contains(harness.Logger.Entries, e => e.EventId == 5102);
    }

    [Fact]
    public void A_wrong_can_asks_to_check_the_last_six_digits_of_the_id()
    {
        var harness = new ChipReadHarness(new VirtualCccdCardOptions { Person = CccdPerson.Tuyet, Pace = new CardPaceResponder(CccdPerson.Tuyet.Can) });

        var error = Assert.Throws<CardReadException>(() => harness.Read(CardAccessKey.FromCan("000000")));

        Assert.Equal(CardReadFailure.WrongKey, error.Failure);
        Assert.Equal(CardReadMessages.WrongKeyCan, error.StaffMessage);
        Assert.Contains("6 số cuối", error.StaffMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_refused_key_the_right_key_reads_the_same_card()
    {
        var harness = new ChipReadHarness(new VirtualCccdCardOptions { Person = CccdPerson.Tuyet });
        Assert.Throws<CardReadException>(() => harness.Read(ChipReadHarness.Mrz(CccdPerson.Hung)));

        using var identity = harness.Read(ChipReadHarness.Mrz(CccdPerson.Tuyet));

        Assert.Equal(CccdPerson.Tuyet.IdNumber, identity.IdNumber);
    }

    [Fact]
    public void A_qr_from_another_card_sharing_the_can_opens_the_chip_but_is_refused_as_another_citizen()
    {
        var person = CccdPerson.Tuyet;
        var harness = new ChipReadHarness(new VirtualCccdCardOptions { Person = person, Pace = new CardPaceResponder(person.Can) });
        var otherId = (person.IdNumber.StartsWith("079", StringComparison.Ordinal) ? "001" : "079") + person.IdNumber[3..];
        var otherQr = otherId + person.FrontQrText[person.IdNumber.Length..];

        var error = Assert.Throws<CardReadException>(() => harness.Read(CardAccessKey.FromQr(otherQr)));

        // PACE really opened the chip with the shared CAN: only the ID check stopped the wrong record.
        Assert.Contains(harness.Card.Log.Entries, e => e.SecureMessaging);
        Assert.Equal(CardReadFailure.WrongKey, error.Failure);
        Assert.Equal(CardReadMessages.KeyFromAnotherCard, error.StaffMessage);
        Assert.DoesNotContain(person.IdNumber, error.Message, StringComparison.Ordinal);
    }
}
