using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace TiepCongDan.CardSim.Cccd;

/// <summary>
/// EF.SOD (ICAO 9303-10 §4.6.2): 77 { CMS SignedData } whose encapsulated content (type
/// 2.23.136.1.1.1) is the LDSSecurityObject v0 with a SHA-256 hash of every data group, signed
/// with signed attributes by the document signer, whose certificate travels inside.
/// </summary>
internal static class SecurityObjectSigner
{
    private const string LdsSecurityObjectOid = "2.23.136.1.1.1";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    public static byte[] Sign(IReadOnlyDictionary<int, byte[]> dataGroups, X509Certificate2 documentSigner)
    {
        var lds = new AsnWriter(AsnEncodingRules.DER);
        using (lds.PushSequence())
        {
            lds.WriteInteger(0);
            using (lds.PushSequence())
            {
                lds.WriteObjectIdentifier(Sha256Oid);
            }

            using (lds.PushSequence())
            {
                foreach (var (number, content) in dataGroups.OrderBy(g => g.Key))
                {
                    using (lds.PushSequence())
                    {
                        lds.WriteInteger(number);
                        lds.WriteOctetString(SHA256.HashData(content));
                    }
                }
            }
        }

        var signedData = new SignedCms(new ContentInfo(new Oid(LdsSecurityObjectOid), lds.Encode()), detached: false);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, documentSigner)
        {
            IncludeOption = X509IncludeOption.EndCertOnly,
            DigestAlgorithm = new Oid(Sha256Oid),
        };
        signedData.ComputeSignature(signer, silent: true);
        return Tlv.Encode(0x77, signedData.Encode());
    }
}
