using Org.BouncyCastle.Asn1.X9;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Icao.Pace;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace TiepCongDan.Edge.Tests.Card.Icao.Pace;

/// <summary>The ICAO 9303-11 Appendix G.1 worked example, step by step and as a whole exchange, byte for byte.</summary>
public sealed class PaceAppendixG_Tests
{
    private static readonly X9ECParameters Brainpool = ECNamedCurveTable.GetByName("brainpoolP256r1");

    private static BigInteger Scalar(string hex) => new(hex, 16);

    private static string Hex(Org.BouncyCastle.Math.EC.ECPoint point) => Convert.ToHexString(point.Normalize().GetEncoded(false));

    private static PaceAlgorithm Algorithm => PaceAlgorithm.Find(AppendixG.ProtocolOid)!;

    [Fact]
    public void The_MRZ_password_and_K_pi_match()
    {
        var password = PacePassword.FromMrz(AppendixG.DocumentNumber, AppendixG.DateOfBirth, AppendixG.DateOfExpiry);

        Assert.Equal(AppendixG.PasswordEncoding, Convert.ToHexString(password.Encoded.Span));
        Assert.Equal(PacePassword.MrzReference, password.Reference);
        Assert.Equal(AppendixG.PasswordKey, Convert.ToHexString(IcaoKeyDerivation.DeriveKey(password.Encoded.Span, IcaoKeyDerivation.PasswordCounter, SecureMessagingCipher.Aes, 16)));
    }

    [Fact]
    public void The_nonce_decrypts_under_K_pi_with_a_zero_IV()
    {
        var nonce = AesCbc.Decrypt(Convert.FromHexString(AppendixG.PasswordKey), new byte[16], Convert.FromHexString(AppendixG.EncryptedNonce));

        Assert.Equal(AppendixG.Nonce, Convert.ToHexString(nonce));
    }

    [Fact]
    public void Generic_mapping_gives_the_Appendix_H_point_and_mapped_generator()
    {
        var cardMapping = PaceGenericMapping.Decode(Brainpool, Convert.FromHexString(AppendixG.MappingPublicKeyCard), "mapping key");
        var mappingKey = Scalar(AppendixG.MappingPrivateKeyTerminal);

        Assert.Equal(AppendixG.MappingPublicKeyTerminal, Hex(Brainpool.G.Multiply(mappingKey)));
        Assert.Equal(AppendixG.SharedPointH, Hex(cardMapping.Multiply(mappingKey)));
        var mapped = PaceGenericMapping.MapGenerator(Brainpool, Scalar(AppendixG.Nonce), mappingKey, cardMapping);
        Assert.Equal(AppendixG.MappedGenerator, Hex(mapped));
    }

    [Fact]
    public void Key_agreement_session_keys_and_both_tokens_match()
    {
        var mapped = PaceGenericMapping.Decode(Brainpool, Convert.FromHexString(AppendixG.MappedGenerator), "mapped generator");
        var ephemeralKey = Scalar(AppendixG.EphemeralPrivateKeyTerminal);
        var terminalPublic = mapped.Multiply(ephemeralKey).Normalize();
        var cardPublic = PaceGenericMapping.Decode(Brainpool, Convert.FromHexString(AppendixG.EphemeralPublicKeyCard), "ephemeral key");

        var secret = PaceGenericMapping.SharedSecret(Brainpool, ephemeralKey, cardPublic);
        var ksEnc = IcaoKeyDerivation.DeriveKey(secret, IcaoKeyDerivation.EncryptionCounter, SecureMessagingCipher.Aes, 16);
        var ksMac = IcaoKeyDerivation.DeriveKey(secret, IcaoKeyDerivation.MacCounter, SecureMessagingCipher.Aes, 16);

        Assert.Equal(AppendixG.EphemeralPublicKeyTerminal, Hex(terminalPublic));
        Assert.Equal(AppendixG.SharedSecret, Convert.ToHexString(secret));
        Assert.Equal(AppendixG.KsEnc, Convert.ToHexString(ksEnc));
        Assert.Equal(AppendixG.KsMac, Convert.ToHexString(ksMac));
        Assert.Equal(AppendixG.TokenTerminal, Convert.ToHexString(PaceAuthenticationToken.Compute(Algorithm, ksMac, cardPublic)));
        Assert.Equal(AppendixG.TokenCard, Convert.ToHexString(PaceAuthenticationToken.Compute(Algorithm, ksMac, terminalPublic)));
    }

    [Fact]
    public void The_whole_exchange_is_reproduced_byte_for_byte_and_its_keys_protect_the_next_command_with_AES()
    {
        var card = Transcript()
            .Expect(AppendixG.ProtectedSelectApplication, AppendixG.ProtectedSelectResponse);
        var random = new FixedRandom(Convert.FromHexString(AppendixG.MappingPrivateKeyTerminal + AppendixG.EphemeralPrivateKeyTerminal));
        var pace = new PaceAuthenticator(card, random);

        var keys = pace.Authenticate(
            new PaceInfo(AppendixG.ProtocolOid, 2, AppendixG.ParameterId),
            PacePassword.FromMrz(AppendixG.DocumentNumber, AppendixG.DateOfBirth, AppendixG.DateOfExpiry));

        Assert.Equal(AppendixG.KsEnc, Convert.ToHexString(keys.EncryptionKey.Span));
        Assert.Equal(AppendixG.KsMac, Convert.ToHexString(keys.MacKey.Span));
        Assert.Equal(new string('0', 32), Convert.ToHexString(keys.SendSequenceCounter.Span));
        Assert.Equal(SecureMessagingCipher.Aes, keys.Cipher);

        var sm = new SecureMessaging(card, keys);
        Assert.Equal("9000", Convert.ToHexString(sm.Transmit(Convert.FromHexString(AppendixG.SelectApplication))));
        Assert.Equal("00000000000000000000000000000002", Convert.ToHexString(sm.SendSequenceCounter.Span));
        card.AssertDone();
    }

    [Fact]
    public void A_card_token_that_does_not_match_is_refused_as_a_chip_failure()
    {
        var card = Transcript(cardToken: "3ABB9674BCE93C09");
        var random = new FixedRandom(Convert.FromHexString(AppendixG.MappingPrivateKeyTerminal + AppendixG.EphemeralPrivateKeyTerminal));

        var e = Assert.Throws<CardAccessException>(() => new PaceAuthenticator(card, random).Authenticate(
            new PaceInfo(AppendixG.ProtocolOid, 2, AppendixG.ParameterId),
            PacePassword.FromMrz(AppendixG.DocumentNumber, AppendixG.DateOfBirth, AppendixG.DateOfExpiry)));

        Assert.Equal(CardAccessFailure.ChipAuthenticationFailed, e.Reason);
    }

    [Fact]
    public void Appendix_G2_DH_example_nonce_and_session_keys_match_where_the_reader_shares_the_steps()
    {
        // G.2 runs DH generic mapping (not implemented here: no CCCD is known to offer it); its
        // password, nonce encryption and KDF are the same steps as G.1's and must agree.
        const string encryptedNonce = "854D8DF5827FA6852D1A4FA701CDDDCA";
        const string sharedSecret = "6BABC7B3A72BCD7EA385E4C62DB2625BD8613B24149E146A629311C4CA6698E38B834B6A9E9CD7184BA8834AFF5043D436950C4C1E7832367C10CB8C314D40E5990B0DF7013E64B4549E2270923D06F08CFF6BD3E977DDE6ABE4C31D55C0FA2E465E553E77BDF75E3193D3834FC26E8EB1EE2FA1E4FC97C18C3F6CFFFE2607FD";

        var nonce = AesCbc.Decrypt(Convert.FromHexString(AppendixG.PasswordKey), new byte[16], Convert.FromHexString(encryptedNonce));
        var secret = Convert.FromHexString(sharedSecret);

        Assert.Equal("FA5B7E3E49753A0DB9178B7B9BD898C8", Convert.ToHexString(nonce));
        Assert.Equal("2F7F46ADCC9E7E521B45D192FAFA9126", Convert.ToHexString(IcaoKeyDerivation.DeriveKey(secret, IcaoKeyDerivation.EncryptionCounter, SecureMessagingCipher.Aes, 16)));
        Assert.Equal("805A1D27D45A5116F73C54469462B7D8", Convert.ToHexString(IcaoKeyDerivation.DeriveKey(secret, IcaoKeyDerivation.MacCounter, SecureMessagingCipher.Aes, 16)));
        Assert.False(new TiepCongDan.Edge.Card.Icao.Pace.PaceInfo("0.4.0.127.0.7.2.2.4.1.2", 2, 0).IsSupported);
    }

    [Fact]
    public void The_3DES_KDF_still_gives_the_Appendix_D_keys_through_the_cipher_aware_overload()
    {
        var seed = Convert.FromHexString(AppendixD.KeySeed);

        Assert.Equal(AppendixD.Kenc, Convert.ToHexString(IcaoKeyDerivation.DeriveKey(seed, IcaoKeyDerivation.EncryptionCounter, SecureMessagingCipher.TripleDes, 16)));
        Assert.Equal(AppendixD.Kmac, Convert.ToHexString(IcaoKeyDerivation.DeriveKey(seed, IcaoKeyDerivation.MacCounter, SecureMessagingCipher.TripleDes, 16)));
    }

    private static ScriptedCard Transcript(string cardToken = AppendixG.TokenCard) => new ScriptedCard()
        .Expect(AppendixG.MseSetAt, "9000")
        .Expect("10860000027C0000", "7C128010" + AppendixG.EncryptedNonce + "9000")
        .Expect("10860000457C438141" + AppendixG.MappingPublicKeyTerminal + "00", "7C438241" + AppendixG.MappingPublicKeyCard + "9000")
        .Expect("10860000457C438341" + AppendixG.EphemeralPublicKeyTerminal + "00", "7C438441" + AppendixG.EphemeralPublicKeyCard + "9000")
        .Expect("008600000C7C0A8508" + AppendixG.TokenTerminal + "00", "7C0A8608" + cardToken + "9000");
}
