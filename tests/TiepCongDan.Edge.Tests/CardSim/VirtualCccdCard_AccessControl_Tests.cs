using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Tests.CardSim;

public sealed class VirtualCccdCard_AccessControl_Tests
{
    private static readonly byte[] SelectApplication = [0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];
    private static readonly byte[] SelectDg13 = [0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x0D];
    private static readonly byte[] ReadFirstBytes = [0x00, 0xB0, 0x00, 0x00, 0x20];

    [Fact]
    public void Plain_read_of_DG13_without_access_control_is_refused_with_6982()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var transport = new VirtualCardTransport(card);

        transport.Transmit(SelectApplication);
        Assert.Equal(StatusWords.Success, StatusWords.Of(transport.Transmit(SelectDg13)));
        var response = transport.Transmit(ReadFirstBytes);

        Assert.Equal([0x69, 0x82], response);
        Assert.False(card.Log.AnyProtectedFileReadWithoutAccessControl);
        Assert.Empty(card.Log.FilesRead);
    }

    [Fact]
    public void Files_of_the_application_are_not_found_before_it_is_selected()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { AllowPlainReads = true });
        var transport = new VirtualCardTransport(card);

        Assert.Equal((ushort)0x6A82, StatusWords.Of(transport.Transmit(SelectDg13)));
    }

    [Fact]
    public void An_open_card_serves_plain_reads_and_its_log_says_access_control_was_skipped()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { AllowPlainReads = true });
        var transport = new VirtualCardTransport(card);

        transport.Transmit(SelectApplication);
        transport.Transmit(SelectDg13);
        var response = transport.Transmit(ReadFirstBytes);

        Assert.Equal([.. card.Image.Dg13[..0x20], 0x90, 0x00], response);
        Assert.True(card.Log.AnyProtectedFileReadWithoutAccessControl);
        Assert.Equal(["DG13"], card.Log.FilesRead);
    }

    [Fact]
    public void An_open_card_read_after_BAC_logs_no_read_without_access_control()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { AllowPlainReads = true });

        CardReader.Open(card, CccdPerson.Tuyet).ReadFile(0x010D);

        Assert.False(card.Log.AnyProtectedFileReadWithoutAccessControl);
        Assert.Equal(["DG13"], card.Log.FilesRead);
    }

    [Fact]
    public void A_wrong_MAC_answers_6988_and_ends_the_session_until_access_runs_again()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var reader = CardReader.Open(card, CccdPerson.Tuyet);
        reader.ReadFile(0x0101);
        var wrapped = reader.Session.Wrap(SelectDg13);
        wrapped[^2] ^= 0x01;

        var response = reader.Transport.Transmit(wrapped);

        Assert.Equal([0x69, 0x88], response);
        Assert.False(card.AccessControlCompleted);
        // The reader's next protected command, correctly MACed for its own counter, is refused too: the session is gone.
        var error = Assert.Throws<CardAccessException>(() => reader.Session.Transmit(SelectDg13));
        Assert.Equal(CardAccessFailure.SecureMessagingFailed, error.Reason);
        Assert.Equal((ushort)0x6988, error.StatusWord);

        var again = CardReader.Open(card, CccdPerson.Tuyet);
        Assert.Equal(card.Image.Dg13, again.ReadFile(0x010D));
    }

    [Fact]
    public void A_replayed_protected_command_is_refused()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var reader = CardReader.Open(card, CccdPerson.Tuyet);
        reader.Session.Transmit(SelectDg13);
        var replay = reader.Transport.Commands[^1];

        Assert.Equal([0x69, 0x88], reader.Transport.Transmit(replay));
        Assert.False(card.AccessControlCompleted);
    }

    [Fact]
    public void A_truncated_protected_command_answers_6988_and_ends_the_session()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var reader = CardReader.Open(card, CccdPerson.Tuyet);
        var wrapped = reader.Session.Wrap(SelectDg13);

        var response = reader.Transport.Transmit(wrapped.AsSpan(0, wrapped.Length - 5));

        Assert.Equal([0x69, 0x88], response);
        Assert.False(card.AccessControlCompleted);
    }

    [Fact]
    public void A_plain_command_during_the_session_answers_6988_and_ends_it()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var reader = CardReader.Open(card, CccdPerson.Tuyet);

        var response = reader.Transport.Transmit(SelectDg13);

        Assert.Equal([0x69, 0x88], response);
        Assert.False(card.AccessControlCompleted);
        Assert.Equal([0x69, 0x82], reader.Transport.Transmit([0x00, 0xB0, 0x80 | 0x0D, 0x00, 0x20]));
    }

    [Fact]
    public void Power_off_forgets_the_session()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var reader = CardReader.Open(card, CccdPerson.Tuyet);

        card.PowerOff();
        card.PowerOn();

        Assert.False(card.AccessControlCompleted);
        Assert.Throws<CardAccessException>(() => reader.Session.Transmit(SelectDg13));
        var retried = CardReader.Open(card, CccdPerson.Tuyet);
        Assert.Equal(card.Image.Dg1, retried.ReadFile(0x0101));
    }

    [Fact]
    public void The_log_records_instruction_file_protection_access_state_and_status()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var reader = CardReader.Open(card, CccdPerson.Tuyet);
        reader.Session.Transmit([0x00, 0xB0, 0x00, 0x00, 0x01]); // nothing selected yet

        var entries = card.Log.Entries;

        Assert.Equal(4, card.Log.Count);
        Assert.Equal(new CardCommandLogEntry(0xA4, null, false, false, 0x9000, false), entries[0]);
        Assert.Equal(new CardCommandLogEntry(0x84, null, false, false, 0x9000, false), entries[1]);
        Assert.Equal(new CardCommandLogEntry(0x82, null, false, false, 0x9000, false), entries[2]);
        Assert.Equal(0xB0, entries[3].Instruction);
        Assert.True(entries[3].SecureMessaging);
        Assert.True(entries[3].AccessControlCompleted);
        Assert.Equal((ushort)0x6986, entries[3].StatusWord);
    }
}
