using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace TiepCongDan.Edge.Card.Icao.Pace;

/// <summary>
/// The elliptic curve arithmetic of PACE ECDH generic mapping (ICAO 9303-11 §4.4.3.3.1): the
/// mapped generator G' = s·G + H with H = SK_map,IFD·PK_map,IC, and the shared secret of the key
/// agreement (the x coordinate, as many bytes as the field). Points from the card are checked to
/// be uncompressed, on the curve and not at infinity before any use.
/// </summary>
internal static class PaceGenericMapping
{
    public static ECPoint MapGenerator(X9ECParameters domain, BigInteger nonce, BigInteger mappingPrivateKey, ECPoint cardMappingKey)
    {
        var h = cardMappingKey.Multiply(mappingPrivateKey).Normalize();
        if (h.IsInfinity)
        {
            throw new CardAccessException(CardAccessFailure.ChipAuthenticationFailed, "The card's mapping key gives the point at infinity.");
        }

        var mapped = domain.G.Multiply(nonce).Add(h).Normalize();
        if (mapped.IsInfinity)
        {
            throw new CardAccessException(CardAccessFailure.ChipAuthenticationFailed, "The mapped generator is the point at infinity.");
        }

        return mapped;
    }

    public static byte[] SharedSecret(X9ECParameters domain, BigInteger privateKey, ECPoint cardPublicKey)
    {
        var k = cardPublicKey.Multiply(privateKey).Normalize();
        if (k.IsInfinity)
        {
            throw new CardAccessException(CardAccessFailure.ChipAuthenticationFailed, "The key agreement gives the point at infinity.");
        }

        return k.AffineXCoord.GetEncoded();
    }

    /// <summary>Uncompressed encoding (04 || x || y), each coordinate as long as the field.</summary>
    public static byte[] Encode(ECPoint point) => point.GetEncoded(false);

    public static ECPoint Decode(X9ECParameters domain, ReadOnlySpan<byte> encoded, string what)
    {
        var fieldBytes = (domain.Curve.FieldSize + 7) / 8;
        if (encoded.Length != 1 + (2 * fieldBytes) || encoded[0] != 0x04)
        {
            throw new CardAccessException(CardAccessFailure.UnexpectedResponse, $"The card's {what} is not an uncompressed point of {1 + (2 * fieldBytes)} bytes.");
        }

        ECPoint point;
        try
        {
            point = domain.Curve.DecodePoint(encoded.ToArray()).Normalize();
        }
        catch (ArgumentException e)
        {
            throw new CardAccessException(CardAccessFailure.ChipAuthenticationFailed, $"The card's {what} is not a point on the curve.", e);
        }

        if (point.IsInfinity || !point.IsValid())
        {
            throw new CardAccessException(CardAccessFailure.ChipAuthenticationFailed, $"The card's {what} is not a valid point on the curve.");
        }

        return point;
    }
}
