using System.Collections.ObjectModel;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace TiepCongDan.Edge.Card.Authenticity;

/// <summary>
/// EF.SOD (ICAO 9303-10 §4.6.2): tag 77 around CMS SignedData whose content is the
/// LDSSecurityObject, a hash per data group signed by the document signer.
/// </summary>
public sealed class SecurityObject
{
    /// <summary>id-icao-mrtd-security-ldsSecurityObject.</summary>
    public const string LdsSecurityObjectOid = "2.23.136.1.1.1";

    private static readonly Asn1Tag EfSodTag = new(TagClass.Application, 23, isConstructed: true);

    private SecurityObject(
        SignedCms signedData,
        SignerInfo signer,
        X509Certificate2 documentSigner,
        int version,
        string hashAlgorithmOid,
        HashAlgorithmName hashAlgorithm,
        IReadOnlyDictionary<int, byte[]> dataGroupHashes)
    {
        SignedData = signedData;
        Signer = signer;
        DocumentSigner = documentSigner;
        Version = version;
        HashAlgorithmOid = hashAlgorithmOid;
        HashAlgorithm = hashAlgorithm;
        DataGroupHashes = dataGroupHashes;
    }

    /// <summary>LDSSecurityObject version: 0 for LDS 1.7, 1 for LDS 1.8 (with version info).</summary>
    public int Version { get; }

    public string HashAlgorithmOid { get; }

    public HashAlgorithmName HashAlgorithm { get; }

    /// <summary>Data group number (1–16) to the hash the issuer signed.</summary>
    public IReadOnlyDictionary<int, byte[]> DataGroupHashes { get; }

    /// <summary>The document signer certificate carried inside the SOD.</summary>
    public X509Certificate2 DocumentSigner { get; }

    /// <summary>The signer's signature value (over the signed attributes).</summary>
    public byte[] Signature => Signer.GetSignature();

    /// <summary>The signature algorithm OID (rsaEncryption, RSASSA-PSS, ecdsa-with-SHAxxx, ...).</summary>
    public string SignatureAlgorithmOid => Signer.SignatureAlgorithm.Value ?? string.Empty;

    internal SignedCms SignedData { get; }

    internal SignerInfo Signer { get; }

    /// <summary>Decodes EF.SOD as read from the chip; throws <see cref="SecurityObjectException"/> on any malformation.</summary>
    public static SecurityObject Parse(ReadOnlySpan<byte> efSod)
    {
        try
        {
            return ParseCore(efSod);
        }
        catch (AsnContentException ex)
        {
            throw new SecurityObjectException("EF.SOD is not valid ASN.1 (damaged or truncated read).", ex);
        }
        catch (CryptographicException ex)
        {
            throw new SecurityObjectException("EF.SOD does not hold a readable CMS SignedData.", ex);
        }
    }

    private static SecurityObject ParseCore(ReadOnlySpan<byte> efSod)
    {
        var outer = new AsnReader(efSod.ToArray(), AsnEncodingRules.BER);
        var contentInfo = outer.ReadSequence(EfSodTag).ReadEncodedValue();
        if (outer.HasData)
        {
            throw new SecurityObjectException("EF.SOD has bytes after its tag 77 object.");
        }

        var signedData = new SignedCms();
        signedData.Decode(contentInfo.Span);
        if (signedData.ContentInfo.ContentType.Value != LdsSecurityObjectOid)
        {
            throw new SecurityObjectException($"EF.SOD signs content of type {signedData.ContentInfo.ContentType.Value}, not an LDS security object ({LdsSecurityObjectOid}).");
        }

        if (signedData.SignerInfos.Count != 1)
        {
            throw new SecurityObjectException($"EF.SOD has {signedData.SignerInfos.Count} signers; ICAO 9303 requires exactly one.");
        }

        var signer = signedData.SignerInfos[0];
        var documentSigner = signer.Certificate
            ?? throw new SecurityObjectException("EF.SOD does not carry its document signer certificate.");

        var lds = new AsnReader(signedData.ContentInfo.Content, AsnEncodingRules.DER).ReadSequence();
        if (!lds.TryReadInt32(out var version) || version is < 0 or > 1)
        {
            throw new SecurityObjectException("The LDS security object has an unknown version.");
        }

        var algorithm = lds.ReadSequence();
        var hashOid = algorithm.ReadObjectIdentifier();
        var hashAlgorithm = LdsHashAlgorithms.FromOid(hashOid);

        var hashes = new SortedDictionary<int, byte[]>();
        var groups = lds.ReadSequence();
        while (groups.HasData)
        {
            var group = groups.ReadSequence();
            if (!group.TryReadInt32(out var number) || number is < 1 or > 16)
            {
                throw new SecurityObjectException("The LDS security object names a data group outside 1–16.");
            }

            var hash = group.ReadOctetString();
            group.ThrowIfNotEmpty();
            if (!hashes.TryAdd(number, hash))
            {
                throw new SecurityObjectException($"The LDS security object lists DG{number} twice.");
            }
        }

        if (hashes.Count == 0)
        {
            throw new SecurityObjectException("The LDS security object lists no data groups.");
        }

        return new SecurityObject(
            signedData,
            signer,
            documentSigner,
            version,
            hashOid,
            hashAlgorithm,
            new ReadOnlyDictionary<int, byte[]>(hashes));
    }
}
