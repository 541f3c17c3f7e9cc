using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Math.EC;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace TiepCongDan.Edge.Card.Icao.Pace;

/// <summary>ECDH generic mapping on a standardized curve: keys are uncompressed points.</summary>
internal sealed class EcdhGroup(X9ECParameters domain) : IPaceGroup
{
    private ECPoint? _mapped;

    public BigInteger Order => domain.N;

    public int PublicKeyTag => 0x86;

    public byte[] MappingPublicKey(BigInteger privateKey) => PaceGenericMapping.Encode(domain.G.Multiply(privateKey).Normalize());

    public void MapNonce(BigInteger nonce, BigInteger mappingPrivateKey, ReadOnlySpan<byte> cardMappingKey) =>
        _mapped = PaceGenericMapping.MapGenerator(domain, nonce, mappingPrivateKey, PaceGenericMapping.Decode(domain, cardMappingKey, "mapping public key"));

    public byte[] EphemeralPublicKey(BigInteger privateKey) => PaceGenericMapping.Encode(Mapped.Multiply(privateKey).Normalize());

    public byte[] SharedSecret(BigInteger privateKey, ReadOnlySpan<byte> cardPublicKey) =>
        PaceGenericMapping.SharedSecret(domain, privateKey, PaceGenericMapping.Decode(domain, cardPublicKey, "ephemeral public key"));

    private ECPoint Mapped => _mapped ?? throw new InvalidOperationException("The nonce has not been mapped yet.");
}
