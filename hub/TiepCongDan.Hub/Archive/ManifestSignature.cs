using System.Security.Cryptography;
using System.Text.Json;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// manifest.sig: the SHA-256 of manifest.json's bytes and an ECDSA P-256 / SHA-256 signature over those
/// bytes in DER (RFC 3279), so an auditor can check it without us:
/// <c>jq -r .signature manifest.sig | base64 -d &gt; s.der; openssl dgst -sha256 -verify archive-signing.pub.pem -signature s.der manifest.json</c>.
/// The hash lets verify tell an edited manifest from a damaged signature.
/// </summary>
public sealed record ManifestSignature(string Algorithm, string ManifestSha256, string KeyId, string Signature)
{
    public const string EcdsaP256Sha256 = "ECDSA-P256-SHA256";

    public static ManifestSignature Create(ReadOnlySpan<byte> manifest, ECDsa key) => new(
        EcdsaP256Sha256,
        Convert.ToHexStringLower(SHA256.HashData(manifest)),
        ArchiveSigningKey.KeyId(key),
        Convert.ToBase64String(key.SignData(manifest, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)));

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, ArchiveJson.Options);

    /// <summary>Reads manifest.sig; throws <see cref="FormatException"/> when it is not one.</summary>
    public static ManifestSignature Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<ManifestSignature>(json, ArchiveJson.Options) is { Algorithm: EcdsaP256Sha256, ManifestSha256.Length: 64 } parsed
                ? parsed
                : throw new FormatException("manifest.sig is not an " + EcdsaP256Sha256 + " signature record.");
        }
        catch (JsonException ex)
        {
            throw new FormatException("manifest.sig is not JSON: " + ex.Message, ex);
        }
    }

    /// <summary>True when <see cref="Signature"/> is a valid signature of <paramref name="manifest"/> by <paramref name="publicKey"/>.</summary>
    public bool Verifies(ReadOnlySpan<byte> manifest, ECDsa publicKey)
    {
        var signature = new byte[Signature.Length];
        if (!Convert.TryFromBase64String(Signature, signature, out var length))
        {
            return false;
        }

        try
        {
            return publicKey.VerifyData(manifest, signature.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
