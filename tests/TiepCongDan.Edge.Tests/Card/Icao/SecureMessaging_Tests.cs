using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Tests.Card.Icao;

public sealed class SecureMessaging_Tests
{
    private static SecureMessagingKeys AppendixDSession() => new(
        Convert.FromHexString(AppendixD.KsEnc),
        Convert.FromHexString(AppendixD.KsMac),
        Convert.FromHexString(AppendixD.Ssc));

    [Fact]
    public void Appendix_D_SELECT_EF_COM_then_READ_BINARY_are_protected_and_unwrapped_byte_for_byte()
    {
        var card = new ScriptedCard()
            .Expect(AppendixD.ProtectedSelectEfCom, AppendixD.ProtectedSelectResponse)
            .Expect(AppendixD.ProtectedReadBinary4, AppendixD.ProtectedReadBinaryResponse);
        var sm = new SecureMessaging(card, AppendixDSession());

        var selected = sm.Transmit(Convert.FromHexString(AppendixD.SelectEfCom));
        Assert.Equal("9000", Convert.ToHexString(selected));
        Assert.Equal("887022120C06C228", Convert.ToHexString(sm.SendSequenceCounter.Span));

        var read = sm.Transmit(Convert.FromHexString(AppendixD.ReadBinary4));
        Assert.Equal(AppendixD.ReadBinaryPlain + "9000", Convert.ToHexString(read));
        Assert.Equal("887022120C06C22A", Convert.ToHexString(sm.SendSequenceCounter.Span));
        card.AssertDone();
    }

    [Fact]
    public void A_response_with_a_tampered_MAC_is_refused()
    {
        var tampered = AppendixD.ProtectedSelectResponse.Replace("FA855A5D", "FA855A5E", StringComparison.Ordinal);
        var card = new ScriptedCard().Expect(AppendixD.ProtectedSelectEfCom, tampered);
        var sm = new SecureMessaging(card, AppendixDSession());

        var e = Assert.Throws<CardAccessException>(() => sm.Transmit(Convert.FromHexString(AppendixD.SelectEfCom)));

        Assert.Equal(CardAccessFailure.SecureMessagingFailed, e.Reason);
    }

    [Fact]
    public void A_response_with_tampered_encrypted_data_is_refused_before_decryption()
    {
        var tampered = AppendixD.ProtectedReadBinaryResponse.Replace("9FF0EC34", "9FF0EC35", StringComparison.Ordinal);
        var card = new ScriptedCard()
            .Expect(AppendixD.ProtectedSelectEfCom, AppendixD.ProtectedSelectResponse)
            .Expect(AppendixD.ProtectedReadBinary4, tampered);
        var sm = new SecureMessaging(card, AppendixDSession());
        sm.Transmit(Convert.FromHexString(AppendixD.SelectEfCom));

        var e = Assert.Throws<CardAccessException>(() => sm.Transmit(Convert.FromHexString(AppendixD.ReadBinary4)));

        Assert.Equal(CardAccessFailure.SecureMessagingFailed, e.Reason);
    }

    [Fact]
    public void A_replayed_response_fails_because_the_counter_moved_on()
    {
        var card = new ScriptedCard()
            .Expect(AppendixD.ProtectedSelectEfCom, AppendixD.ProtectedSelectResponse)
            .Expect(null, AppendixD.ProtectedSelectResponse);
        var sm = new SecureMessaging(card, AppendixDSession());
        sm.Transmit(Convert.FromHexString(AppendixD.SelectEfCom));

        var e = Assert.Throws<CardAccessException>(() => sm.Transmit(Convert.FromHexString(AppendixD.SelectEfCom)));

        Assert.Equal(CardAccessFailure.SecureMessagingFailed, e.Reason);
    }

    [Theory]
    [InlineData("6988")]
    [InlineData("9000")]
    [InlineData("990290009000")]
    public void A_response_without_a_MAC_is_refused(string response)
    {
        var card = new ScriptedCard().Expect(AppendixD.ProtectedSelectEfCom, response);
        var sm = new SecureMessaging(card, AppendixDSession());

        var e = Assert.Throws<CardAccessException>(() => sm.Transmit(Convert.FromHexString(AppendixD.SelectEfCom)));

        Assert.Equal(CardAccessFailure.SecureMessagingFailed, e.Reason);
    }

    [Fact]
    public void A_truncated_data_object_is_a_typed_error()
    {
        var card = new ScriptedCard().Expect(AppendixD.ProtectedSelectEfCom, "8E08FA859000");
        var sm = new SecureMessaging(card, AppendixDSession());

        var e = Assert.Throws<CardAccessException>(() => sm.Transmit(Convert.FromHexString(AppendixD.SelectEfCom)));

        Assert.Equal(CardAccessFailure.SecureMessagingFailed, e.Reason);
    }

    [Fact]
    public void Wrapped_data_unwraps_at_the_other_end_for_every_length_around_the_block_size()
    {
        // The card's side of secure messaging, built from the same primitives, checks the wrap:
        // the MAC over SSC, padded header and DOs, and the DO'87' decrypting to the command data.
        for (var length = 1; length <= 17; length++)
        {
            var data = Enumerable.Range(0, length).Select(i => (byte)(i * 37)).ToArray();
            var sm = new SecureMessaging(new ScriptedCard(), AppendixDSession());
            byte[] command = [0x00, 0xA4, 0x04, 0x0C, (byte)length, .. data];

            var wrapped = sm.Wrap(command);

            var body = wrapped.AsSpan(5, wrapped[4]);
            var macAt = body.Length - 10;
            var ssc = Convert.FromHexString("887022120C06C227");
            byte[] macInput = [.. ssc, 0x0C, 0xA4, 0x04, 0x0C, 0x80, 0x00, 0x00, 0x00, .. body[..macAt]];
            Assert.True(RetailMac.Verify(Convert.FromHexString(AppendixD.KsMac), macInput, body[(macAt + 2)..]));
            Assert.Equal(0x87, body[0]);
            var encrypted = body[3..macAt];
            var plain = Iso9797Padding.Unpad(TripleDesCbc.Decrypt(Convert.FromHexString(AppendixD.KsEnc), encrypted));
            Assert.Equal(data, plain);
        }
    }

    [Fact]
    public void The_counter_carries_across_bytes()
    {
        var sm = new SecureMessaging(new ScriptedCard(), new SecureMessagingKeys(
            Convert.FromHexString(AppendixD.KsEnc), Convert.FromHexString(AppendixD.KsMac), Convert.FromHexString("00000000000000FF")));

        sm.Wrap(Convert.FromHexString(AppendixD.ReadBinary4));

        Assert.Equal("0000000000000100", Convert.ToHexString(sm.SendSequenceCounter.Span));
    }
}
