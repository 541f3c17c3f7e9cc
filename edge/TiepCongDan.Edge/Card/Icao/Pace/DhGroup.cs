using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace TiepCongDan.Edge.Card.Icao.Pace;

/// <summary>
/// DH generic mapping (ICAO 9303-11 §4.4.3.3.1) in a prime-order subgroup modulo p: g' = g^s · h
/// with h = y_map,IC^x_map. Keys are unsigned integers as long as p. A card key must lie in
/// (1, p-1) and in the subgroup (y^q = 1), or small-subgroup tricks could leak the private key.
/// </summary>
internal sealed class DhGroup(BigInteger p, BigInteger g, BigInteger q) : IPaceGroup
{
    private readonly int _length = (p.BitLength + 7) / 8;
    private BigInteger? _mapped;

    public BigInteger Order => q;

    public BigInteger Modulus => p;

    public BigInteger Generator => g;

    public int PublicKeyTag => 0x84;

    public byte[] MappingPublicKey(BigInteger privateKey) => Encode(g.ModPow(privateKey, p));

    public void MapNonce(BigInteger nonce, BigInteger mappingPrivateKey, ReadOnlySpan<byte> cardMappingKey)
    {
        var h = Decode(cardMappingKey, "mapping public key").ModPow(mappingPrivateKey, p);
        var mapped = g.ModPow(nonce, p).Multiply(h).Mod(p);
        if (mapped.CompareTo(BigInteger.One) <= 0)
        {
            throw new CardAccessException(CardAccessFailure.ChipAuthenticationFailed, "The mapped generator is trivial.");
        }

        _mapped = mapped;
    }

    public byte[] EphemeralPublicKey(BigInteger privateKey) => Encode(Mapped.ModPow(privateKey, p));

    public byte[] SharedSecret(BigInteger privateKey, ReadOnlySpan<byte> cardPublicKey)
    {
        var k = Decode(cardPublicKey, "ephemeral public key").ModPow(privateKey, p);
        return k.CompareTo(BigInteger.One) <= 0
            ? throw new CardAccessException(CardAccessFailure.ChipAuthenticationFailed, "The key agreement gives a trivial secret.")
            : Encode(k);
    }

    private BigInteger Mapped => _mapped ?? throw new InvalidOperationException("The nonce has not been mapped yet.");

    private byte[] Encode(BigInteger value)
    {
        var bytes = value.ToByteArrayUnsigned();
        var result = new byte[_length];
        bytes.CopyTo(result, _length - bytes.Length);
        return result;
    }

    private BigInteger Decode(ReadOnlySpan<byte> encoded, string what)
    {
        if (encoded.IsEmpty || encoded.Length > _length)
        {
            throw new CardAccessException(CardAccessFailure.UnexpectedResponse, $"The card's DH {what} is {encoded.Length} bytes; the modulus is {_length}.");
        }

        var y = new BigInteger(1, encoded.ToArray());
        if (y.CompareTo(BigInteger.One) <= 0 || y.CompareTo(p.Subtract(BigInteger.One)) >= 0 || !y.ModPow(q, p).Equals(BigInteger.One))
        {
            throw new CardAccessException(CardAccessFailure.ChipAuthenticationFailed, $"The card's DH {what} is not in the group.");
        }

        return y;
    }
}
