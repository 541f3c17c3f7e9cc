using System.Security.Cryptography;

namespace TiepCongDan.Edge.Card.Authenticity;

/// <summary>Maps the digest algorithm OIDs a security object may name to .NET hash functions.</summary>
internal static class LdsHashAlgorithms
{
    public static HashAlgorithmName FromOid(string oid) => oid switch
    {
        "1.3.14.3.2.26" => HashAlgorithmName.SHA1,
        "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
        "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
        "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
        _ => throw new SecurityObjectException($"The security object uses hash algorithm {oid}, which is not supported (SHA-1, SHA-256, SHA-384 and SHA-512 are)."),
    };

    public static byte[] Hash(HashAlgorithmName algorithm, ReadOnlySpan<byte> data)
    {
        if (algorithm == HashAlgorithmName.SHA1)
        {
            // SHA-1 is what older ICAO documents were signed with; we only compare, never sign.
#pragma warning disable CA5350
            return SHA1.HashData(data);
#pragma warning restore CA5350
        }

        if (algorithm == HashAlgorithmName.SHA256)
        {
            return SHA256.HashData(data);
        }

        if (algorithm == HashAlgorithmName.SHA384)
        {
            return SHA384.HashData(data);
        }

        if (algorithm == HashAlgorithmName.SHA512)
        {
            return SHA512.HashData(data);
        }

        throw new SecurityObjectException($"Hash algorithm {algorithm.Name} is not supported.");
    }
}
