using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using TiepCongDan.Edge.Card.Authenticity;

namespace TiepCongDan.Edge.Tests.Card.Authenticity;

/// <summary>Builds an EF.SOD the way an issuer does: LDSSecurityObject, signed as CMS, wrapped in tag 77.</summary>
internal static class SodBuilder
{
    public static byte[] Build(TestPki pki, IReadOnlyDictionary<int, byte[]> dataGroups)
    {
        var lds = new AsnWriter(AsnEncodingRules.DER);
        using (lds.PushSequence())
        {
            lds.WriteInteger(0);
            using (lds.PushSequence())
            {
                lds.WriteObjectIdentifier("2.16.840.1.101.3.4.2.1");
            }

            using (lds.PushSequence())
            {
                foreach (var (number, bytes) in dataGroups.OrderBy(g => g.Key))
                {
                    using (lds.PushSequence())
                    {
                        lds.WriteInteger(number);
                        lds.WriteOctetString(SHA256.HashData(bytes));
                    }
                }
            }
        }

        var content = new ContentInfo(new Oid(SecurityObject.LdsSecurityObjectOid), lds.Encode());
        var cms = new SignedCms(content, detached: false);
        var signer = pki.Kind == TestKeyKind.Rsa2048Pss
            ? new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, pki.DocumentSigner, pki.DocumentSigner.GetRSAPrivateKey(), RSASignaturePadding.Pss)
            : new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, pki.DocumentSigner);
        signer.IncludeOption = X509IncludeOption.EndCertOnly;
        signer.DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1");
        cms.ComputeSignature(signer, silent: true);

        var sod = new AsnWriter(AsnEncodingRules.DER);
        using (sod.PushSequence(new Asn1Tag(TagClass.Application, 23, isConstructed: true)))
        {
            sod.WriteEncodedValue(cms.Encode());
        }

        return sod.Encode();
    }
}
