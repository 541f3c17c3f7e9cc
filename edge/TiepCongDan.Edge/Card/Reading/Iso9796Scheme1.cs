using System.Numerics;
using System.Security.Cryptography;

namespace TiepCongDan.Edge.Card.Reading;

/// <summary>
/// Verification of an ISO/IEC 9796-2 digital signature scheme 1 signature with message recovery,
/// what RSA chips sign the active authentication challenge with (ICAO 9303-11 §6.1): recover
/// J = s^e mod n (or n - J), check header 6A and trailer BC (SHA-1) or xxCC, then compare
/// H(M1 || challenge) with the recovered hash.
/// </summary>
internal static class Iso9796Scheme1
{
    public static bool Verify(RSAParameters key, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> challenge)
    {
        if (key.Modulus is null || key.Exponent is null || signature.Length == 0 || signature.Length > key.Modulus.Length)
        {
            return false;
        }

        var n = new BigInteger(key.Modulus, isUnsigned: true, isBigEndian: true);
        var e = new BigInteger(key.Exponent, isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(signature, isUnsigned: true, isBigEndian: true);
        if (s >= n)
        {
            return false;
        }

        var j = BigInteger.ModPow(s, e, n);
        if ((j & 0x0F) != 0x0C)
        {
            // Scheme 1 signs with min(J^d, n - J^d); the verifier undoes it.
            j = n - j;
        }

        var recovered = ToFixedLength(j, key.Modulus.Length);
        if (recovered is null || recovered.Length < 2 || (recovered[0] & 0xC0) != 0x40 || (recovered[0] & 0x0F) != 0x0A)
        {
            return false;
        }

        HashAlgorithmName hash;
        int trailer;
        if (recovered[^1] == 0xBC)
        {
            hash = HashAlgorithmName.SHA1;
            trailer = 1;
        }
        else if (recovered[^1] == 0xCC)
        {
            trailer = 2;
            hash = recovered[^2] switch
            {
                0x33 => HashAlgorithmName.SHA1,
                0x34 => HashAlgorithmName.SHA256,
                0x35 => HashAlgorithmName.SHA512,
                0x36 => HashAlgorithmName.SHA384,
                _ => default,
            };
            if (hash == default)
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        var hashLength = HashLength(hash);
        var m1Length = recovered.Length - 1 - hashLength - trailer;
        if (m1Length < 0)
        {
            return false;
        }

        var m1 = recovered.AsSpan(1, m1Length);
        var digest = recovered.AsSpan(1 + m1Length, hashLength);
        byte[] message = [.. m1, .. challenge];
        return CryptographicOperations.FixedTimeEquals(Hash(hash, message), digest);
    }

    private static byte[]? ToFixedLength(BigInteger value, int length)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length > length)
        {
            return null;
        }

        var result = new byte[length];
        bytes.CopyTo(result, length - bytes.Length);

        // The top byte of the modulus is rarely full; the recovered block starts at its first non-zero byte.
        var start = 0;
        while (start < result.Length - 1 && result[start] == 0)
        {
            start++;
        }

        return result[start..];
    }

    private static int HashLength(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA1 ? 20 : hash == HashAlgorithmName.SHA256 ? 32 : hash == HashAlgorithmName.SHA384 ? 48 : 64;

    private static byte[] Hash(HashAlgorithmName hash, byte[] data)
    {
        if (hash == HashAlgorithmName.SHA1)
        {
            // ICAO active authentication with RSA is usually SHA-1; we only verify, never sign.
#pragma warning disable CA5350
            return SHA1.HashData(data);
#pragma warning restore CA5350
        }

        return hash == HashAlgorithmName.SHA256 ? SHA256.HashData(data)
            : hash == HashAlgorithmName.SHA384 ? SHA384.HashData(data)
            : SHA512.HashData(data);
    }
}
