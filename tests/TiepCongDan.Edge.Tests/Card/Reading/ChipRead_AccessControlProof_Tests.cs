using TiepCongDan.CardSim.Cccd;
using TiepCongDan.CardSim.Cccd.Pace;
using TiepCongDan.Edge.Card.Reading;

namespace TiepCongDan.Edge.Tests.Card.Reading;

/// <summary>
/// An open card (like vicc) serves protected files without access control. The reader must still
/// run BAC or PACE and read only under secure messaging: these tests fail if it ever read plainly.
/// </summary>
public sealed class ChipRead_AccessControlProof_Tests
{
    [Fact]
    public void On_an_open_card_every_protected_file_is_read_after_bac_under_secure_messaging()
    {
        var harness = new ChipReadHarness(new VirtualCccdCardOptions { AllowPlainReads = true });

        using var identity = harness.Read(ChipReadHarness.Mrz(CccdPerson.Tuyet));

        AssertReadOnlyUnderAccessControl(harness.Card.Log);
    }

    [Fact]
    public void On_an_open_card_every_protected_file_is_read_after_pace_under_secure_messaging()
    {
        var person = CccdPerson.Tuyet;
        var harness = new ChipReadHarness(new VirtualCccdCardOptions { AllowPlainReads = true, Pace = new CardPaceResponder(person.Can) });

        using var identity = harness.Read(CardAccessKey.FromCan(person.Can));

        AssertReadOnlyUnderAccessControl(harness.Card.Log);
    }

    [Fact]
    public void The_proof_catches_a_plain_read_of_a_protected_file()
    {
        // The same check against a reader that skips access control: it must fire, or the tests above prove nothing.
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { AllowPlainReads = true });
        var transport = new VirtualCardTransport(card);
        transport.Transmit([0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01]);
        transport.Transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x01]);
        var dg1 = transport.Transmit([0x00, 0xB0, 0x00, 0x00, 0x10]);

        Assert.Equal(0x90, dg1[^2]);
        Assert.True(card.Log.AnyProtectedFileReadWithoutAccessControl);
    }

    private static void AssertReadOnlyUnderAccessControl(CardCommandLog log)
    {
        Assert.False(log.AnyProtectedFileReadWithoutAccessControl, "a protected file was read before access control completed");
        var protectedReads = log.Entries.Where(e => e.IsSuccessfulRead && e.FileRequiresAccessControl).ToList();
        Assert.Contains(protectedReads, e => e.SelectedFile == "DG1");
        Assert.Contains(protectedReads, e => e.SelectedFile == "DG13");
        Assert.Contains(protectedReads, e => e.SelectedFile == "EF.SOD");
        Assert.All(protectedReads, e => Assert.True(e.SecureMessaging && e.AccessControlCompleted, $"{e.SelectedFile} was read without secure messaging"));
    }
}
