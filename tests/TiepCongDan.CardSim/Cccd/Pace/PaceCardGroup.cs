using Org.BouncyCastle.Math;

namespace TiepCongDan.CardSim.Cccd.Pace;

/// <summary>
/// The card's group arithmetic for one generic mapping run: an elliptic curve or a MODP group.
/// Malformed or invalid keys from the terminal throw <see cref="ArgumentException"/>, which the
/// responder answers with 6A80.
/// </summary>
internal abstract class PaceCardGroup
{
    public abstract BigInteger Order { get; }

    /// <summary>The tag of the public key in the token's 7F49 object: 86 (point) or 84 (DH value).</summary>
    public abstract int PublicKeyTag { get; }

    /// <summary>y = private · G on the domain generator.</summary>
    public abstract byte[] PublicKey(BigInteger privateKey);

    /// <summary>Sets the mapped generator from the nonce, the card's mapping key and the terminal's.</summary>
    public abstract void Map(BigInteger nonce, BigInteger privateKey, byte[] terminalMappingKey);

    /// <summary>The card's key on the mapped generator.</summary>
    public abstract byte[] MappedPublicKey(BigInteger privateKey);

    /// <summary>The shared secret with the terminal's ephemeral key.</summary>
    public abstract byte[] SharedSecret(BigInteger privateKey, byte[] terminalPublicKey);
}
