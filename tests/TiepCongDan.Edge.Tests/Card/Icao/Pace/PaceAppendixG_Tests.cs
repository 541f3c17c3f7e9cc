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
    public void Appendix_G2_DH_generic_mapping_exchange_is_reproduced_byte_for_byte()
    {
        var card = new ScriptedCard()
            .Expect("0022C1A412800A04007F00070202040102830101840100", "9000")
            .Expect("10860000027C0000", "7C128010" + AppendixG2.EncryptedNonce + "9000")
            .Expect("10860000867C8183818180" + AppendixG2.MappingPublicKeyTerminal + "00", "7C8183828180" + AppendixG2.MappingPublicKeyCard + "9000")
            .Expect("10860000867C8183838180" + AppendixG2.EphemeralPublicKeyTerminal + "00", "7C8183848180" + AppendixG2.EphemeralPublicKeyCard + "9000")
            .Expect("008600000C7C0A8508" + AppendixG2.TokenTerminal + "00", "7C1B8608" + AppendixG2.TokenCard + "870F" + AppendixG2.CertificationAuthorityReference + "9000");
        var random = new FixedRandom(Convert.FromHexString(AppendixG2.MappingPrivateKeyTerminal + AppendixG2.EphemeralPrivateKeyTerminal));

        var keys = new PaceAuthenticator(card, random).Authenticate(
            new PaceInfo(AppendixG2.ProtocolOid, 2, 0),
            PacePassword.FromMrz(AppendixG.DocumentNumber, AppendixG.DateOfBirth, AppendixG.DateOfExpiry));

        Assert.Equal(AppendixG2.KsEnc, Convert.ToHexString(keys.EncryptionKey.Span));
        Assert.Equal(AppendixG2.KsMac, Convert.ToHexString(keys.MacKey.Span));
        card.AssertDone();
    }

    [Fact]
    public void Appendix_G2_DH_steps_match_one_by_one()
    {
        var group = DhStandardGroups.Create(0)!;
        var nonce = AesCbc.Decrypt(Convert.FromHexString(AppendixG.PasswordKey), new byte[16], Convert.FromHexString(AppendixG2.EncryptedNonce));

        Assert.Equal(AppendixG2.Nonce, Convert.ToHexString(nonce));
        Assert.Equal(AppendixG2.MappingPublicKeyTerminal, Convert.ToHexString(group.MappingPublicKey(Scalar(AppendixG2.MappingPrivateKeyTerminal))));
        group.MapNonce(new BigInteger(1, nonce), Scalar(AppendixG2.MappingPrivateKeyTerminal), Convert.FromHexString(AppendixG2.MappingPublicKeyCard));
        Assert.Equal(AppendixG2.EphemeralPublicKeyTerminal, Convert.ToHexString(group.EphemeralPublicKey(Scalar(AppendixG2.EphemeralPrivateKeyTerminal))));
        var secret = group.SharedSecret(Scalar(AppendixG2.EphemeralPrivateKeyTerminal), Convert.FromHexString(AppendixG2.EphemeralPublicKeyCard));
        Assert.Equal(AppendixG2.SharedSecret, Convert.ToHexString(secret));
        Assert.Equal(AppendixG2.KsEnc, Convert.ToHexString(IcaoKeyDerivation.DeriveKey(secret, IcaoKeyDerivation.EncryptionCounter, SecureMessagingCipher.Aes, 16)));
        var ksMac = IcaoKeyDerivation.DeriveKey(secret, IcaoKeyDerivation.MacCounter, SecureMessagingCipher.Aes, 16);
        Assert.Equal(AppendixG2.KsMac, Convert.ToHexString(ksMac));
        var algorithm = PaceAlgorithm.Find(AppendixG2.ProtocolOid)!;
        Assert.Equal(AppendixG2.TokenTerminal, Convert.ToHexString(PaceAuthenticationToken.Compute(algorithm, ksMac, 0x84, Convert.FromHexString(AppendixG2.EphemeralPublicKeyCard))));
        Assert.Equal(AppendixG2.TokenCard, Convert.ToHexString(PaceAuthenticationToken.Compute(algorithm, ksMac, 0x84, Convert.FromHexString(AppendixG2.EphemeralPublicKeyTerminal))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void The_standardized_DH_groups_have_a_prime_modulus_and_a_generator_of_prime_order_q(int parameterId)
    {
        var group = DhStandardGroups.Create(parameterId)!;
        var (p, g, q) = (group.Modulus, group.Generator, group.Order);

        Assert.True(p.IsProbablePrime(64));
        Assert.True(q.IsProbablePrime(64));
        Assert.Equal(BigInteger.One, g.ModPow(q, p));
        Assert.Equal(BigInteger.Zero, p.Subtract(BigInteger.One).Mod(q));
    }

    [Theory]
    [InlineData("01")]
    [InlineData("02")]
    [InlineData("00")]
    public void DH_card_keys_outside_the_subgroup_are_refused(string key)
    {
        var group = DhStandardGroups.Create(0)!;

        var e = Assert.Throws<CardAccessException>(() => group.MapNonce(BigInteger.One, BigInteger.Two, Convert.FromHexString(key)));

        Assert.Equal(CardAccessFailure.ChipAuthenticationFailed, e.Reason);
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
