using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Tests.CardSim;

public sealed class VirtualCccdCard_Bac_Tests
{
    [Fact]
    public void Edge_BAC_with_the_MRZ_fields_opens_a_secure_messaging_session()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());

        var reader = CardReader.Open(card, CccdPerson.Tuyet);

        Assert.True(card.AccessControlCompleted);
        var com = reader.ReadFile(0x011E);
        Assert.Equal(card.Image.Com, com);
    }

    [Fact]
    public void Edge_BAC_with_keys_from_the_MRZ_text_printed_on_the_card_works()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { Person = CccdPerson.Hung });
        var mrz = Edge.Card.Parsing.Td1Mrz.Parse(CccdPerson.Hung.Td1MrzText, new DateOnly(2026, 11, 23));

        var reader = CardReader.Open(card, BacKeys.FromMrzInformation(mrz.BacKeySeed));

        Assert.Equal(card.Image.Dg1, reader.ReadFile(0x0101));
    }

    [Fact]
    public void Wrong_date_of_birth_is_refused_with_6300_and_the_edge_says_wrong_access_key()
    {
        var person = CccdPerson.Tuyet;
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { Person = person });
        var wrong = BacKeys.FromCccd(person.IdNumber, "900316", person.MrzDateOfExpiry);

        var error = Assert.Throws<CardAccessException>(() => CardReader.Open(card, wrong));

        Assert.Equal(CardAccessFailure.WrongAccessKey, error.Reason);
        Assert.Equal((ushort)0x6300, error.StatusWord);
        Assert.False(card.AccessControlCompleted);
        Assert.Equal(0x82, card.Log.Entries[^1].Instruction);
        Assert.Equal((ushort)0x6300, card.Log.Entries[^1].StatusWord);
    }

    [Fact]
    public void EXTERNAL_AUTHENTICATE_without_a_fresh_challenge_is_refused()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        card.PowerOn();

        var response = card.Process([0x00, 0x82, 0x00, 0x00, 0x28, .. new byte[40], 0x28]);

        Assert.Equal([0x69, 0x85], response);
    }

    [Fact]
    public void A_PACE_only_card_refuses_BAC()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { SupportsBac = false, Pace = new NoPace() });

        var error = Assert.Throws<CardAccessException>(() => CardReader.Open(card, CccdPerson.Tuyet));

        Assert.Equal(CardAccessFailure.UnexpectedResponse, error.Reason);
        Assert.Equal((ushort)0x6D00, error.StatusWord);
    }

    /// <summary>A PACE responder that never establishes a session: only its presence matters here.</summary>
    private sealed class NoPace : IPaceResponder
    {
        public byte[] CardAccessFile { get; } = [0x31, 0x00];

        public CardSessionKeys? Established => null;

        public byte[]? TryProcess(ReadOnlySpan<byte> command) => [0x6A, 0x80];

        public void Reset()
        {
        }
    }
}
