using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.CardSim;

public sealed class VirtualCccdCard_ActiveAuthentication_Tests
{
    [Fact]
    public void INTERNAL_AUTHENTICATE_signature_verifies_with_the_DG15_key_as_ISO9796_2_scheme_1()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var reader = CardReader.Open(card, CccdPerson.Tuyet);
        var dg15 = reader.ReadFile(0x010F);
        var challenge = RandomNumberGenerator.GetBytes(8);

        var response = reader.Session.Transmit([0x00, 0x88, 0x00, 0x00, 0x08, .. challenge, 0x00]);

        Assert.Equal(StatusWords.Success, StatusWords.Of(response));
        var signature = response[..^2];
        Assert.Equal(128, signature.Length);
        var key = (RsaKeyParameters)PublicKeyFactory.CreateKey(BerTlv.ParseSingle(dg15).Value.ToArray());
        Assert.Equal(1024, key.Modulus.BitLength);

        var engine = new RsaEngine();
        engine.Init(false, key);
        var f = engine.ProcessBlock(signature, 0, signature.Length);

        Assert.Equal(128, f.Length); // 6A || M1 || H || BC fills the modulus
        Assert.Equal(0x6A, f[0]);
        Assert.Equal(0xBC, f[^1]);
        var m1 = f[1..^21];
        var digest = f[^21..^1];
#pragma warning disable CA5350 // ICAO active authentication with SHA-1, as the card signs.
        Assert.Equal(SHA1.HashData([.. m1, .. challenge]), digest);
#pragma warning restore CA5350
    }

    [Fact]
    public void Another_challenge_gives_another_signature_that_does_not_verify_for_the_first()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var reader = CardReader.Open(card, CccdPerson.Tuyet);
        byte[] challenge = [1, 2, 3, 4, 5, 6, 7, 8];

        var first = reader.Session.Transmit([0x00, 0x88, 0x00, 0x00, 0x08, .. challenge, 0x00]);
        var second = reader.Session.Transmit([0x00, 0x88, 0x00, 0x00, 0x08, .. challenge, 0x00]);

        Assert.NotEqual(first, second); // M1 is fresh randomness each time
    }

    [Fact]
    public void INTERNAL_AUTHENTICATE_needs_access_control_and_DG15()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var transport = new VirtualCardTransport(card);
        Assert.Equal([0x69, 0x82], transport.Transmit([0x00, 0x88, 0x00, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 7, 8, 0x00]));

        var withoutDg15 = new VirtualCccdCard(new VirtualCccdCardOptions { IncludeDg15 = false });
        var reader = CardReader.Open(withoutDg15, CccdPerson.Tuyet);
        var response = reader.Session.Transmit([0x00, 0x88, 0x00, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 7, 8, 0x00]);
        Assert.Equal((ushort)0x6D00, StatusWords.Of(response));
    }
}
