using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace TiepCongDan.Edge.Card.Icao.Pace;

/// <summary>
/// The group arithmetic of one PACE generic mapping run (ICAO 9303-11 §4.4.3.3.1): elliptic curve
/// (ECDH-GM) or multiplicative group modulo a prime (DH-GM). Holds the mapped generator once
/// <see cref="MapNonce"/> has run, so one instance serves one run. Every key from the card is
/// validated before use; a bad one is a <see cref="CardAccessException"/>.
/// </summary>
internal interface IPaceGroup
{
    /// <summary>The order of the generator; private keys are drawn from [1, order - 1].</summary>
    BigInteger Order { get; }

    /// <summary>The tag of the public key inside the token's public key data object 7F49: 86 (EC point) or 84 (DH value).</summary>
    int PublicKeyTag { get; }

    /// <summary>The public key on the domain's own generator, for the mapping step.</summary>
    byte[] MappingPublicKey(BigInteger privateKey);

    /// <summary>Maps the nonce: the new generator from s, the terminal's mapping key and the card's.</summary>
    void MapNonce(BigInteger nonce, BigInteger mappingPrivateKey, ReadOnlySpan<byte> cardMappingKey);

    /// <summary>The public key on the mapped generator, for the key agreement step.</summary>
    byte[] EphemeralPublicKey(BigInteger privateKey);

    /// <summary>The shared secret K (x coordinate or the group element, as long as the field or modulus).</summary>
    byte[] SharedSecret(BigInteger privateKey, ReadOnlySpan<byte> cardPublicKey);
}
