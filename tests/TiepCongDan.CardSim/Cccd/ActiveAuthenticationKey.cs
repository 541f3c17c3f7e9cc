using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace TiepCongDan.CardSim.Cccd;

/// <summary>
/// The chip's active authentication key (RSA 1024, as many chips use) and its INTERNAL AUTHENTICATE
/// signature: ISO/IEC 9796-2 digital signature scheme 1 with SHA-1 and partial message recovery
/// (ICAO 9303-11 §6.1): F = 6A || M1 || SHA-1(M1 || M2) || BC, signed raw, where M1 is the card's
/// random recoverable part and M2 the terminal's 8-byte challenge.
/// </summary>
internal sealed class ActiveAuthenticationKey
{
    private const int ModulusBytes = 128;
    private const int HashBytes = 20;

    private readonly AsymmetricCipherKeyPair _keyPair;

    public ActiveAuthenticationKey()
    {
        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(Org.BouncyCastle.Math.BigInteger.ValueOf(65537), new SecureRandom(), ModulusBytes * 8, 80));
        _keyPair = generator.GenerateKeyPair();
        SubjectPublicKeyInfo = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(_keyPair.Public).GetDerEncoded();
    }

    public byte[] SubjectPublicKeyInfo { get; }

    public byte[] Sign(ReadOnlySpan<byte> challenge, RandomNumberGenerator random)
    {
        var m1 = new byte[ModulusBytes - HashBytes - 2];
        random.GetBytes(m1);
#pragma warning disable CA5350 // ICAO 9303 active authentication with RSA fixes SHA-1 in most chips.
        var hash = SHA1.HashData([.. m1, .. challenge]);
#pragma warning restore CA5350
        byte[] f = [0x6A, .. m1, .. hash, 0xBC];

        var engine = new RsaEngine();
        engine.Init(true, _keyPair.Private);
        var signature = engine.ProcessBlock(f, 0, f.Length);
        if (signature.Length == ModulusBytes)
        {
            return signature;
        }

        // A small result loses leading zero bytes; the card always answers the modulus length.
        var padded = new byte[ModulusBytes];
        signature.CopyTo(padded, ModulusBytes - signature.Length);
        return padded;
    }
}
