using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Tests.Card.Icao.Pace;

namespace TiepCongDan.Edge.Tests.Card.Icao;

/// <summary>AES secure messaging (after PACE-AES): the 16-byte counter, IV = E(KSenc, SSC), CMAC over 16-byte padding.</summary>
public sealed class AesSecureMessaging_Tests
{
    private static SecureMessagingKeys AppendixGSession() => new(
        Convert.FromHexString(AppendixG.KsEnc),
        Convert.FromHexString(AppendixG.KsMac),
        new byte[16],
        SecureMessagingCipher.Aes);

    private static CardSessionKeys CardSide() => new(
        Convert.FromHexString(AppendixG.KsEnc), Convert.FromHexString(AppendixG.KsMac), new byte[16], Aes: true);

    [Fact]
    public void The_protected_SELECT_on_the_Appendix_G_keys_is_byte_for_byte()
    {
        var card = new ScriptedCard().Expect(AppendixG.ProtectedSelectApplication, AppendixG.ProtectedSelectResponse);
        var sm = new SecureMessaging(card, AppendixGSession());

        Assert.Equal("9000", Convert.ToHexString(sm.Transmit(Convert.FromHexString(AppendixG.SelectApplication))));
        card.AssertDone();
    }

    [Fact]
    public void Command_data_of_every_length_around_the_block_size_reaches_the_card_and_answers_come_back()
    {
        for (var length = 1; length <= 40; length++)
        {
            var data = Enumerable.Range(0, length).Select(i => (byte)(i * 37)).ToArray();
            var cardSide = new CardSideSecureMessaging(CardSide());
            var sm = new SecureMessaging(new ScriptedCard(), AppendixGSession());

            var (header, received, le) = cardSide.Unwrap(sm.Wrap([0x00, 0xD6, 0x00, 0x00, (byte)length, .. data, 0x00]));
            var answer = sm.Unwrap(cardSide.Wrap(data, 0x9000));

            Assert.Equal("00D60000", Convert.ToHexString(header));
            Assert.Equal(data, received);
            Assert.Equal(0, le);
            Assert.Equal(Convert.ToHexString(data) + "9000", Convert.ToHexString(answer));
        }
    }

    [Fact]
    public void Every_single_byte_change_to_a_protected_answer_is_refused()
    {
        var cardSide = new CardSideSecureMessaging(CardSide());
        cardSide.Unwrap(new SecureMessaging(new ScriptedCard(), AppendixGSession()).Wrap(Convert.FromHexString("00B0000010")));
        var original = cardSide.Wrap([.. Enumerable.Range(0, 16).Select(i => (byte)i)], 0x9000);
        var random = new Random(16);
        for (var position = 0; position < original.Length - 2; position++)
        {
            for (var trial = 0; trial < 20; trial++)
            {
                var mutated = original.ToArray();
                mutated[position] ^= (byte)random.Next(1, 256);
                var sm = new SecureMessaging(new ScriptedCard(), AppendixGSession());
                sm.Wrap(Convert.FromHexString("00B0000010"));

                Assert.Throws<CardAccessException>(() => sm.Unwrap(mutated));
            }
        }
    }

    [Fact]
    public void Random_answers_are_refused_with_a_typed_error()
    {
        var random = new Random(128);
        for (var i = 0; i < 5000; i++)
        {
            var response = new byte[random.Next(0, 80)];
            random.NextBytes(response);
            if (i % 3 == 0 && response.Length > 2)
            {
                response[0] = (byte)(i % 2 == 0 ? 0x87 : 0x99);
            }

            var sm = new SecureMessaging(new ScriptedCard(), AppendixGSession());
            sm.Wrap(Convert.FromHexString("00B0000010"));
            var e = Assert.Throws<CardAccessException>(() => sm.Unwrap(response));
            Assert.True(e.Reason is CardAccessFailure.SecureMessagingFailed or CardAccessFailure.UnexpectedResponse, e.Message);
        }
    }

    [Theory]
    [InlineData(SecureMessagingCipher.Aes, 16, 8)]
    [InlineData(SecureMessagingCipher.Aes, 20, 16)]
    [InlineData(SecureMessagingCipher.TripleDes, 16, 16)]
    [InlineData(SecureMessagingCipher.TripleDes, 32, 8)]
    public void Keys_and_counters_of_the_wrong_size_for_the_cipher_are_refused(SecureMessagingCipher cipher, int keyLength, int counterLength)
    {
        Assert.Throws<ArgumentException>(() => new SecureMessaging(new ScriptedCard(), new SecureMessagingKeys(new byte[keyLength], new byte[keyLength], new byte[counterLength], cipher)));
    }
}
