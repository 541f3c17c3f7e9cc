using TiepCongDan.CardSim.Cccd;
using TiepCongDan.CardSim.Cccd.Pace;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Icao.Pace;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.CardSim;

/// <summary>The virtual card with the real card-side PACE responder, read by the edge's PACE and secure messaging.</summary>
public sealed class VirtualCccdCard_PaceResponder_Tests
{
    private static readonly byte[] SelectCardAccess = [0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x1C];
    private static readonly byte[] SelectApplication = [0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];

    [Theory]
    [InlineData(CardPaceResponder.EcdhGmAes128)]
    [InlineData(CardPaceResponder.EcdhGm3Des)]
    public void Edge_PACE_with_the_CAN_then_secure_messaging_reads_DG13(string protocol)
    {
        var person = CccdPerson.Tuyet;
        var card = new VirtualCccdCard(new VirtualCccdCardOptions
        {
            Person = person,
            Pace = new CardPaceResponder(person.Can, protocol),
            SelectMasterFileAnswers6D00 = true,
            RejectExtendedLength = true,
        });
        var transport = new VirtualCardTransport(card);

        var keys = RunPace(transport, person.Can);
        var sm = new SecureMessaging(transport, keys);
        Assert.Equal(StatusWords.Success, StatusWords.Of(sm.Transmit(SelectApplication)));
        var dg13 = ReadChunked(sm, 0x0D, card.Image.Dg13.Length);

        Assert.Equal(card.Image.Dg13, dg13);
        Assert.Equal(person.FullName, Dg13.Parse(dg13).FullName);
        Assert.Equal(["EF.CardAccess", "DG13"], card.Log.FilesRead);
        Assert.False(card.Log.AnyProtectedFileReadWithoutAccessControl);
    }

    [Fact]
    public void A_wrong_CAN_is_a_wrong_access_key_and_the_right_one_then_works()
    {
        var person = CccdPerson.Hung;
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { Person = person, Pace = new CardPaceResponder(person.Can) });
        var transport = new VirtualCardTransport(card);

        var error = Assert.Throws<CardAccessException>(() => RunPace(transport, "123456"));

        Assert.Equal(CardAccessFailure.WrongAccessKey, error.Reason);
        Assert.False(card.AccessControlCompleted);
        var keys = RunPace(transport, person.Can);
        var sm = new SecureMessaging(transport, keys);
        Assert.Equal(StatusWords.Success, StatusWords.Of(sm.Transmit(SelectApplication)));
        Assert.Equal(card.Image.Dg1, ReadChunked(sm, 0x01, card.Image.Dg1.Length));
    }

    private static SecureMessagingKeys RunPace(VirtualCardTransport transport, string can)
    {
        Assert.Equal(StatusWords.Success, StatusWords.Of(transport.Transmit(SelectCardAccess)));
        var cardAccess = transport.Transmit([0x00, 0xB0, 0x00, 0x00, 0xDF]);
        Assert.Equal(StatusWords.Success, StatusWords.Of(cardAccess));
        var info = CardAccessFile.Parse(cardAccess.AsMemory(0, cardAccess.Length - 2)).Single(i => i.IsSupported);
        return new PaceAuthenticator(transport).Authenticate(info, can);
    }

    private static byte[] ReadChunked(SecureMessaging sm, byte shortFileId, int length)
    {
        var content = new List<byte>();
        var first = sm.Transmit([0x00, 0xB0, (byte)(0x80 | shortFileId), 0x00, (byte)Math.Min(0xDF, length)]);
        Assert.Equal(StatusWords.Success, StatusWords.Of(first));
        content.AddRange(first[..^2]);
        while (content.Count < length)
        {
            var chunk = sm.Transmit([0x00, 0xB0, (byte)(content.Count >> 8), (byte)content.Count, (byte)Math.Min(0xDF, length - content.Count)]);
            Assert.Equal(StatusWords.Success, StatusWords.Of(chunk));
            content.AddRange(chunk[..^2]);
        }

        return [.. content];
    }
}
