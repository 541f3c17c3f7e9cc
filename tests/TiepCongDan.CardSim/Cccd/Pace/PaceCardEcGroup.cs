using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace TiepCongDan.CardSim.Cccd.Pace;

/// <summary>ECDH generic mapping on the card: G' = s·G + SK·PK_map,IFD.</summary>
internal sealed class PaceCardEcGroup(X9ECParameters domain) : PaceCardGroup
{
    private ECPoint? _mapped;

    public override BigInteger Order => domain.N;

    public override int PublicKeyTag => 0x86;

    public override byte[] PublicKey(BigInteger privateKey) => domain.G.Multiply(privateKey).Normalize().GetEncoded(false);

    public override void Map(BigInteger nonce, BigInteger privateKey, byte[] terminalMappingKey)
    {
        var h = Decode(terminalMappingKey).Multiply(privateKey).Normalize();
        _mapped = domain.G.Multiply(nonce).Add(h).Normalize();
        if (h.IsInfinity || _mapped.IsInfinity)
        {
            throw new ArgumentException("The mapping gives the point at infinity.", nameof(terminalMappingKey));
        }
    }

    public override byte[] MappedPublicKey(BigInteger privateKey) => _mapped!.Multiply(privateKey).Normalize().GetEncoded(false);

    public override byte[] SharedSecret(BigInteger privateKey, byte[] terminalPublicKey)
    {
        var shared = Decode(terminalPublicKey).Multiply(privateKey).Normalize();
        return shared.IsInfinity ? throw new ArgumentException("The key agreement gives the point at infinity.", nameof(terminalPublicKey)) : shared.AffineXCoord.GetEncoded();
    }

    private ECPoint Decode(byte[] encoded)
    {
        var fieldBytes = (domain.Curve.FieldSize + 7) / 8;
        if (encoded.Length != 1 + (2 * fieldBytes) || encoded[0] != 0x04)
        {
            throw new ArgumentException("Not an uncompressed point.", nameof(encoded));
        }

        var point = domain.Curve.DecodePoint(encoded).Normalize();
        return point.IsInfinity || !point.IsValid() ? throw new ArgumentException("Not a valid point.", nameof(encoded)) : point;
    }
}
