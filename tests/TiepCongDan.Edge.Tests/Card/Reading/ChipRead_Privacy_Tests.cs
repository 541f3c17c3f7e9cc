using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Parsing;
using TiepCongDan.Edge.Card.Reading;

namespace TiepCongDan.Edge.Tests.Card.Reading;

/// <summary>Logs and strings show the ID masked and no other personal data; the register gets the minimum.</summary>
public sealed class ChipRead_Privacy_Tests
{
    [Fact]
    public void Logs_show_the_id_masked_and_never_the_raw_id_or_the_name()
    {
        var person = CccdPerson.Tuyet;
        var harness = new ChipReadHarness(new VirtualCccdCardOptions { Person = person });

        using (harness.Read(CardAccessKey.FromQr(person.FrontQrText)))
        {
        }

        Assert.Throws<CardReadException>(() => harness.Read(ChipReadHarness.Mrz(CccdPerson.Hung)));

        var lines = harness.Logger.Entries.Select(e => e.Message).ToList();
        Assert.Contains(lines, l => l.Contains(IdMask.Mask(person.IdNumber), StringComparison.Ordinal));
        foreach (var secret in new[] { person.IdNumber, CccdPerson.Hung.IdNumber, person.DocumentNumber, CccdPerson.Hung.DocumentNumber, person.FullName, person.PlaceOfResidence, person.MrzDateOfBirth })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ToString_masks_the_id_and_the_register_entry_holds_only_the_minimum()
    {
        var person = CccdPerson.Tuyet;
        var harness = new ChipReadHarness(new VirtualCccdCardOptions { Person = person });

        using var identity = harness.Read(ChipReadHarness.Mrz(person));
        var entry = identity.ForRegister();

        Assert.Contains("001******345", identity.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(person.IdNumber, identity.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(person.IdNumber, entry.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(person.IdNumber, CardAccessKey.FromQr(person.FrontQrText).ToString(), StringComparison.Ordinal);
        Assert.Equal(new CitizenRegisterEntry(person.IdNumber, person.FullName, person.DateOfBirth, person.Sex, person.PlaceOfResidence, CardAuthenticityStatus.Valid), entry);
    }
}
