using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Tests.Card.Icao;

public sealed class BacAuthenticator_Tests
{
    private static FixedRandom AppendixDRandom() => new(Convert.FromHexString(AppendixD.RndIfd + AppendixD.KIfd));

    [Fact]
    public void Appendix_D_mutual_authentication_sends_E_IFD_and_M_IFD_and_gives_the_session_keys_and_SSC()
    {
        var card = new ScriptedCard()
            .Expect(AppendixD.GetChallenge, AppendixD.RndIc + "9000")
            .Expect(AppendixD.ExternalAuthenticate, AppendixD.CardResponse + "9000");
        var authenticator = new BacAuthenticator(card, AppendixDRandom());

        var session = authenticator.Authenticate(BacKeys.FromMrzInformation(AppendixD.MrzInformation));

        card.AssertDone();
        Assert.Equal(AppendixD.KsEnc, Convert.ToHexString(session.EncryptionKey.Span));
        Assert.Equal(AppendixD.KsMac, Convert.ToHexString(session.MacKey.Span));
        Assert.Equal(AppendixD.Ssc, Convert.ToHexString(session.SendSequenceCounter.Span));
    }

    [Fact]
    public void Appendix_D_E_IFD_and_M_IFD_come_from_3DES_and_the_retail_MAC()
    {
        var keys = BacKeys.FromMrzInformation(AppendixD.MrzInformation);
        var s = Convert.FromHexString(AppendixD.RndIfd + AppendixD.RndIc + AppendixD.KIfd);

        var eIfd = TripleDesCbc.Encrypt(keys.EncryptionKey.Span, s);
        var mIfd = RetailMac.Compute(keys.MacKey.Span, eIfd);

        Assert.Equal(AppendixD.EIfd, Convert.ToHexString(eIfd));
        Assert.Equal(AppendixD.MIfd, Convert.ToHexString(mIfd));
    }

    [Fact]
    public void Appendix_D_card_response_has_a_valid_MAC_and_holds_both_challenges_and_K_IC()
    {
        var keys = BacKeys.FromMrzInformation(AppendixD.MrzInformation);
        var response = Convert.FromHexString(AppendixD.CardResponse);

        Assert.True(RetailMac.Verify(keys.MacKey.Span, response.AsSpan(0, 32), response.AsSpan(32)));
        var r = TripleDesCbc.Decrypt(keys.EncryptionKey.Span, response.AsSpan(0, 32));
        Assert.Equal(AppendixD.RndIc + AppendixD.RndIfd + AppendixD.KIc, Convert.ToHexString(r));
    }

    [Theory]
    [InlineData("6300")]
    [InlineData("6982")]
    [InlineData("6988")]
    public void A_card_refusing_EXTERNAL_AUTHENTICATE_gives_the_wrong_key_reason(string statusWord)
    {
        var card = new ScriptedCard()
            .Expect(AppendixD.GetChallenge, AppendixD.RndIc + "9000")
            .Expect(null, statusWord);
        var authenticator = new BacAuthenticator(card, AppendixDRandom());

        var e = Assert.Throws<CardAccessException>(() => authenticator.Authenticate(BacKeys.FromCccd("001099012345", "850215", "300215")));

        Assert.Equal(CardAccessFailure.WrongAccessKey, e.Reason);
        Assert.Equal(Convert.ToUInt16(statusWord, 16), e.StatusWord);
        Assert.Contains(statusWord, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_response_with_a_wrong_MAC_is_refused()
    {
        var tampered = AppendixD.CardResponse[..^2] + "48";
        var card = new ScriptedCard()
            .Expect(AppendixD.GetChallenge, AppendixD.RndIc + "9000")
            .Expect(AppendixD.ExternalAuthenticate, tampered + "9000");
        var authenticator = new BacAuthenticator(card, AppendixDRandom());

        var e = Assert.Throws<CardAccessException>(() => authenticator.Authenticate(BacKeys.FromMrzInformation(AppendixD.MrzInformation)));

        Assert.Equal(CardAccessFailure.ChipAuthenticationFailed, e.Reason);
    }

    [Fact]
    public void A_card_that_does_not_echo_RND_IFD_is_refused()
    {
        // A valid MAC over a cryptogram whose RND.IFD is not ours: a replayed or foreign answer.
        var keys = BacKeys.FromMrzInformation(AppendixD.MrzInformation);
        var r = Convert.FromHexString(AppendixD.RndIc + "0000000000000000" + AppendixD.KIc);
        var eIc = TripleDesCbc.Encrypt(keys.EncryptionKey.Span, r);
        var answer = Convert.ToHexString(eIc) + Convert.ToHexString(RetailMac.Compute(keys.MacKey.Span, eIc)) + "9000";
        var card = new ScriptedCard()
            .Expect(AppendixD.GetChallenge, AppendixD.RndIc + "9000")
            .Expect(AppendixD.ExternalAuthenticate, answer);

        var e = Assert.Throws<CardAccessException>(() => new BacAuthenticator(card, AppendixDRandom()).Authenticate(keys));

        Assert.Equal(CardAccessFailure.ChipAuthenticationFailed, e.Reason);
    }

    [Fact]
    public void A_GET_CHALLENGE_failure_is_an_unexpected_response_with_its_status_word()
    {
        var card = new ScriptedCard().Expect(AppendixD.GetChallenge, "6D00");

        var e = Assert.Throws<CardAccessException>(() => new BacAuthenticator(card, AppendixDRandom()).Authenticate(BacKeys.FromMrzInformation(AppendixD.MrzInformation)));

        Assert.Equal(CardAccessFailure.UnexpectedResponse, e.Reason);
        Assert.Equal((ushort)0x6D00, e.StatusWord);
    }

    [Fact]
    public void The_session_BAC_gives_protects_the_Appendix_D_SELECT_and_READ_BINARY_on_the_same_card()
    {
        var card = new ScriptedCard()
            .Expect(AppendixD.GetChallenge, AppendixD.RndIc + "9000")
            .Expect(AppendixD.ExternalAuthenticate, AppendixD.CardResponse + "9000")
            .Expect(AppendixD.ProtectedSelectEfCom, AppendixD.ProtectedSelectResponse)
            .Expect(AppendixD.ProtectedReadBinary4, AppendixD.ProtectedReadBinaryResponse);

        var session = new BacAuthenticator(card, AppendixDRandom()).Authenticate(BacKeys.FromMrzFields(AppendixD.DocumentNumber, AppendixD.DateOfBirth, AppendixD.DateOfExpiry));
        var sm = new SecureMessaging(card, session);
        sm.Transmit(Convert.FromHexString(AppendixD.SelectEfCom));
        var read = sm.Transmit(Convert.FromHexString(AppendixD.ReadBinary4));

        Assert.Equal(AppendixD.ReadBinaryPlain + "9000", Convert.ToHexString(read));
        card.AssertDone();
    }

    [Fact]
    public void Random_answers_to_EXTERNAL_AUTHENTICATE_are_refused_with_a_typed_error()
    {
        var random = new Random(4242);
        var keys = BacKeys.FromMrzInformation(AppendixD.MrzInformation);
        for (var i = 0; i < 2000; i++)
        {
            var answer = new byte[i % 2 == 0 ? 42 : random.Next(0, 50)];
            random.NextBytes(answer);
            if (i % 2 == 0)
            {
                answer[^2] = 0x90;
                answer[^1] = 0x00;
            }

            var card = new ScriptedCard()
                .Expect(AppendixD.GetChallenge, AppendixD.RndIc + "9000")
                .Expect(null, Convert.ToHexString(answer));

            Assert.Throws<CardAccessException>(() => new BacAuthenticator(card, AppendixDRandom()).Authenticate(keys));
        }
    }
}
