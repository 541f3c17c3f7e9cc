using Org.BouncyCastle.Math.EC;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Card.Icao.Pace;

/// <summary>
/// The mutual authentication token (ICAO 9303-11 §4.4.3.5, §9.4.4): the MAC under KSmac of the
/// other side's ephemeral public key wrapped as a public key data object 7F49 { 06 protocol OID,
/// 86 uncompressed point | 84 DH value }; AES-CMAC truncated to 8 bytes, or the retail MAC for 3DES.
/// </summary>
internal static class PaceAuthenticationToken
{
    private const int TagPublicKey = 0x7F49;
    private const int TagOid = 0x06;
    private const int TagEcPoint = 0x86;

    public static byte[] Compute(PaceAlgorithm algorithm, ReadOnlySpan<byte> macKey, ECPoint publicKey) =>
        Compute(algorithm, macKey, TagEcPoint, PaceGenericMapping.Encode(publicKey));

    public static byte[] Compute(PaceAlgorithm algorithm, ReadOnlySpan<byte> macKey, int publicKeyTag, ReadOnlySpan<byte> encodedPublicKey)
    {
        byte[] inner = [
            .. BerTlv.Encode(TagOid, ObjectIdentifier.Encode(algorithm.Oid)),
            .. BerTlv.Encode(publicKeyTag, encodedPublicKey),
        ];
        var data = BerTlv.Encode(TagPublicKey, inner);
        return algorithm.Cipher == SecureMessagingCipher.Aes
            ? AesCmac.ComputeTruncated(macKey, data)
            : RetailMac.Compute(macKey, data);
    }
}
