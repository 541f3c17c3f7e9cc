using TiepCongDan.CardSim.Cccd.Pace;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Icao.Pace;

namespace TiepCongDan.Edge.Tests.Card.Icao.Pace;

/// <summary>The reader's PACE against the independent card-side responder: every cipher, every standardized curve, wrong CANs, then secure messaging on the keys.</summary>
public sealed class PaceWithCard_Tests
{
    private const string Can = "123456";

    public static TheoryData<string, int> Profiles => new()
    {
        { CardPaceResponder.EcdhGmAes128, 13 },
        { CardPaceResponder.EcdhGmAes128, 8 },
        { CardPaceResponder.EcdhGmAes128, 12 },
        { CardPaceResponder.EcdhGmAes192, 10 },
        { CardPaceResponder.EcdhGmAes192, 15 },
        { CardPaceResponder.EcdhGmAes256, 14 },
        { CardPaceResponder.EcdhGmAes256, 17 },
        { CardPaceResponder.EcdhGmAes256, 18 },
        { CardPaceResponder.EcdhGm3Des, 9 },
        { CardPaceResponder.EcdhGm3Des, 11 },
        { CardPaceResponder.EcdhGm3Des, 16 },
        { CardPaceResponder.DhGmAes128, 0 },
        { CardPaceResponder.DhGm3Des, 1 },
        { CardPaceResponder.DhGmAes256, 2 },
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Reader_and_card_agree_on_the_session_keys(string oid, int parameterId)
    {
        var card = new CardPaceResponder(Can, oid, parameterId);
        var info = Assert.Single(CardAccessFile.Parse(card.CardAccessFile));
        Assert.True(info.IsSupported, info.Description);

        var keys = new PaceAuthenticator(new ResponderTransport(card)).Authenticate(info, Can);

        var established = Assert.IsType<TiepCongDan.CardSim.Cccd.CardSessionKeys>(card.Established);
        Assert.Equal(Convert.ToHexString(established.EncryptionKey), Convert.ToHexString(keys.EncryptionKey.Span));
        Assert.Equal(Convert.ToHexString(established.MacKey), Convert.ToHexString(keys.MacKey.Span));
        Assert.Equal(established.Aes ? SecureMessagingCipher.Aes : SecureMessagingCipher.TripleDes, keys.Cipher);
        Assert.Equal(oid is CardPaceResponder.EcdhGm3Des or CardPaceResponder.DhGm3Des ? 8 : 16, keys.SendSequenceCounter.Length);
        Assert.All(keys.SendSequenceCounter.ToArray(), b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(CardPaceResponder.EcdhGmAes128, 13)]
    [InlineData(CardPaceResponder.EcdhGm3Des, 13)]
    [InlineData(CardPaceResponder.DhGmAes128, 0)]
    public void A_wrong_CAN_is_refused_by_the_card_and_tells_staff_to_check_the_ID_number(string oid, int parameterId)
    {
        var card = new CardPaceResponder(Can, oid, parameterId);
        var info = CardAccessFile.Parse(card.CardAccessFile)[0];

        var e = Assert.Throws<CardAccessException>(() => new PaceAuthenticator(new ResponderTransport(card)).Authenticate(info, "123465"));

        Assert.Equal(CardAccessFailure.WrongAccessKey, e.Reason);
        Assert.Equal((ushort)0x6300, e.StatusWord);
        Assert.Contains("last 6 digits", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, card.RefusedTokens);
        Assert.Null(card.Established);
    }

    [Fact]
    public void After_a_wrong_CAN_the_right_one_still_works()
    {
        var card = new CardPaceResponder(Can);
        var info = CardAccessFile.Parse(card.CardAccessFile)[0];
        var transport = new ResponderTransport(card);
        Assert.Throws<CardAccessException>(() => new PaceAuthenticator(transport).Authenticate(info, "000000"));

        new PaceAuthenticator(transport).Authenticate(info, Can);

        Assert.NotNull(card.Established);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    public void A_CAN_that_is_not_6_digits_is_refused_before_talking_to_the_card(string can)
    {
        var card = new CardPaceResponder(Can);
        var transport = new ResponderTransport(card);

        Assert.Throws<FormatException>(() => new PaceAuthenticator(transport).Authenticate(CardAccessFile.Parse(card.CardAccessFile)[0], can));
        Assert.Equal(0, transport.Exchanges);
    }

    [Fact]
    public void An_unsupported_protocol_is_an_argument_error_naming_it()
    {
        var integratedMapping = new PaceInfo("0.4.0.127.0.7.2.2.4.4.2", 2, 13);

        var e = Assert.Throws<ArgumentException>(() => new PaceAuthenticator(new ScriptedCard()).Authenticate(integratedMapping, Can));

        Assert.Contains("ECDH-IM", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_refusing_the_parameters_is_an_unexpected_response()
    {
        var card = new CardPaceResponder(Can, CardPaceResponder.EcdhGmAes128, 13);
        var info = new PaceInfo(CardPaceResponder.EcdhGmAes256, 2, 13);

        var e = Assert.Throws<CardAccessException>(() => new PaceAuthenticator(new ResponderTransport(card)).Authenticate(info, Can));

        Assert.Equal(CardAccessFailure.UnexpectedResponse, e.Reason);
        Assert.Equal((ushort)0x6A80, e.StatusWord);
    }

    [Fact]
    public void A_card_token_changed_in_transit_is_a_chip_authentication_failure()
    {
        var card = new CardPaceResponder(Can);
        var transport = new ResponderTransport(card)
        {
            Tamper = (index, answer) =>
            {
                if (index == 4)
                {
                    answer[^3] ^= 0x01;
                }

                return answer;
            },
        };

        var e = Assert.Throws<CardAccessException>(() => new PaceAuthenticator(transport).Authenticate(CardAccessFile.Parse(card.CardAccessFile)[0], Can));

        Assert.Equal(CardAccessFailure.ChipAuthenticationFailed, e.Reason);
    }

    [Fact]
    public void A_card_echoing_the_terminal_key_is_refused()
    {
        var card = new CardPaceResponder(Can);
        byte[]? lastCommand = null;
        var inner = new ResponderTransport(card);
        var echoing = new EchoingTransport(inner, command => lastCommand = command, (index, answer) =>
            index == 3 ? [0x7C, lastCommand![6], 0x84, .. lastCommand.AsSpan(8, lastCommand[8] + 1), 0x90, 0x00] : answer);

        var e = Assert.Throws<CardAccessException>(() => new PaceAuthenticator(echoing).Authenticate(CardAccessFile.Parse(card.CardAccessFile)[0], Can));

        Assert.Equal(CardAccessFailure.ChipAuthenticationFailed, e.Reason);
    }

    [Theory]
    [InlineData(CardPaceResponder.EcdhGmAes128, 13)]
    [InlineData(CardPaceResponder.EcdhGmAes256, 17)]
    [InlineData(CardPaceResponder.EcdhGm3Des, 12)]
    [InlineData(CardPaceResponder.DhGmAes128, 2)]
    public void Secure_messaging_on_the_PACE_keys_round_trips_with_the_card_side(string oid, int parameterId)
    {
        var card = new CardPaceResponder(Can, oid, parameterId);
        var transport = new ResponderTransport(card);
        var keys = new PaceAuthenticator(transport).Authenticate(CardAccessFile.Parse(card.CardAccessFile)[0], Can);
        var cardSide = new CardSideSecureMessaging(card.Established!);
        var plainCommands = new List<string>();
        var fileContent = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        transport.AfterPace = command =>
        {
            var (header, data, le) = cardSide.Unwrap(command);
            plainCommands.Add(Convert.ToHexString([.. header, .. data]));
            return header[1] == 0xB0 ? cardSide.Wrap(fileContent[..(le ?? 0)], 0x9000) : cardSide.Wrap([], 0x9000);
        };
        var sm = new SecureMessaging(transport, keys);

        Assert.Equal("9000", Convert.ToHexString(sm.Transmit(Convert.FromHexString("00A4020C02011E"))));
        var read = sm.Transmit(Convert.FromHexString("00B00000DF"));
        var shortRead = sm.Transmit(Convert.FromHexString("00B0000004"));

        Assert.Equal(["00A4020C011E", "00B00000", "00B00000"], plainCommands);
        Assert.Equal(Convert.ToHexString(fileContent[..0xDF]) + "9000", Convert.ToHexString(read));
        Assert.Equal("000102039000", Convert.ToHexString(shortRead));
    }
}
