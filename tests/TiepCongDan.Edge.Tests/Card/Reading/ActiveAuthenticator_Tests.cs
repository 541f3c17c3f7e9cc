using System.Security.Cryptography;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Reading;

namespace TiepCongDan.Edge.Tests.Card.Reading;

/// <summary>Active authentication with an EC key (the virtual card uses RSA), and answers that must not pass.</summary>
public sealed class ActiveAuthenticator_Tests
{
    [Fact]
    public void An_ecdsa_chip_signing_the_fresh_challenge_is_valid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var chip = new SigningChip(challenge => key.SignData(challenge, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

        var result = ActiveAuthenticator.Authenticate(chip, Dg15(key.ExportSubjectPublicKeyInfo()), RandomNumberGenerator.Create());

        Assert.Equal(ActiveAuthenticationStatus.Valid, result.Status);
        Assert.Equal(8, chip.LastChallenge.Length);
    }

    [Fact]
    public void A_chip_signing_with_another_key_is_invalid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var chip = new SigningChip(challenge => other.SignData(challenge, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

        var result = ActiveAuthenticator.Authenticate(chip, Dg15(key.ExportSubjectPublicKeyInfo()), RandomNumberGenerator.Create());

        Assert.Equal(ActiveAuthenticationStatus.Invalid, result.Status);
    }

    [Fact]
    public void A_replayed_rsa_answer_for_another_challenge_is_invalid_and_a_refusal_too()
    {
        using var rsa = RSA.Create(1024);
        var replay = new SigningChip(_ => new byte[128]);
        Assert.Equal(ActiveAuthenticationStatus.Invalid, ActiveAuthenticator.Authenticate(replay, Dg15(rsa.ExportSubjectPublicKeyInfo()), RandomNumberGenerator.Create()).Status);

        var refusing = new SigningChip(_ => [], status: 0x6D00);
        Assert.Equal(ActiveAuthenticationStatus.Invalid, ActiveAuthenticator.Authenticate(refusing, Dg15(rsa.ExportSubjectPublicKeyInfo()), RandomNumberGenerator.Create()).Status);
    }

    [Fact]
    public void A_dg15_key_that_is_neither_rsa_nor_ec_is_not_supported()
    {
        var chip = new SigningChip(_ => []);

        var result = ActiveAuthenticator.Authenticate(chip, Dg15([0x30, 0x03, 0x02, 0x01, 0x00]), RandomNumberGenerator.Create());

        Assert.Equal(ActiveAuthenticationStatus.NotSupported, result.Status);
        Assert.Empty(chip.LastChallenge);
    }

    private static byte[] Dg15(byte[] subjectPublicKeyInfo) => [0x6F, 0x82, (byte)(subjectPublicKeyInfo.Length >> 8), (byte)subjectPublicKeyInfo.Length, .. subjectPublicKeyInfo];

    /// <summary>Answers INTERNAL AUTHENTICATE (00 88 00 00 08 challenge 00) with the given signer.</summary>
    private sealed class SigningChip(Func<byte[], byte[]> sign, ushort status = 0x9000) : IApduTransport
    {
        public byte[] LastChallenge { get; private set; } = [];

        public byte[] Transmit(ReadOnlySpan<byte> commandApdu)
        {
            Assert.Equal(0x88, commandApdu[1]);
            LastChallenge = commandApdu.Slice(5, commandApdu[4]).ToArray();
            return [.. sign(LastChallenge), (byte)(status >> 8), (byte)status];
        }
    }
}
