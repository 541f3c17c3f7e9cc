using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace TiepCongDan.Contracts.Provisioning;

/// <summary>
/// Seals and opens a kiosk's provisioning bundle (decision 0023): the secrets are encrypted with
/// AES-256-GCM under a key derived from a one-time code (PBKDF2-SHA256), the public part is the
/// cipher's associated data, and the whole is signed by the fleet CA's key. Opening checks the
/// signature against the kiosk's pinned fleet CA (or, without one, the CA inside the bundle), that
/// the client certificate chains to that CA and names the kiosk, and then decrypts: any flipped byte
/// fails one of the three, and nothing is returned.
/// </summary>
public static class KioskBundle
{
    public const int Iterations = 200_000;

    private const string Ecdsa = "ECDSA-SHA256";
    private const string Rsa = "RSA-PKCS1-SHA256";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static byte[] Seal(KioskBundlePublic publicPart, KioskBundleSecrets secrets, string oneTimeCode, X509Certificate2 signer)
    {
        ArgumentNullException.ThrowIfNull(publicPart);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(signer);
        var code = OneTimeCode.Normalize(oneTimeCode) ?? throw new ArgumentException("Not a one-time code.", nameof(oneTimeCode));
        var publicBytes = JsonSerializer.SerializeToUtf8Bytes(publicPart, Json);
        var plain = JsonSerializer.SerializeToUtf8Bytes(secrets, Json);
        var salt = RandomNumberGenerator.GetBytes(16);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        var key = DeriveKey(code, salt, Iterations);
        try
        {
            using var aes = new AesGcm(key, tag.Length);
            aes.Encrypt(nonce, plain, cipher, tag, publicBytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(plain);
        }

        var manifest = JsonSerializer.SerializeToUtf8Bytes(new KioskBundleManifest
        {
            Public = Convert.ToBase64String(publicBytes),
            Iterations = Iterations,
            Salt = Convert.ToBase64String(salt),
            Nonce = Convert.ToBase64String(nonce),
            Ciphertext = Convert.ToBase64String(cipher),
            Tag = Convert.ToBase64String(tag),
        }, Json);
        var (algorithm, signature) = Sign(signer, manifest);
        var file = new KioskBundleFile
        {
            Manifest = Convert.ToBase64String(manifest),
            SignatureAlgorithm = algorithm,
            Signature = Convert.ToBase64String(signature),
            SignerCertificatePem = signer.ExportCertificatePem(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(file, Indented);
    }

    /// <summary>Verifies the signature and the certificates without the code (what can be checked before asking for it).</summary>
    /// <param name="pinnedFleetCa">The fleet CA the kiosk's image trusts; null = the CA inside the bundle (its signature still must verify).</param>
    public static KioskBundlePublic Verify(byte[] bundle, X509Certificate2? pinnedFleetCa) => VerifyCore(bundle, pinnedFleetCa).Public;

    /// <summary>Verifies and decrypts; throws <see cref="KioskBundleRejectedException"/> on any problem.</summary>
    public static KioskBundleContents Open(byte[] bundle, string oneTimeCode, X509Certificate2? pinnedFleetCa)
    {
        var (publicPart, publicBytes, manifest) = VerifyCore(bundle, pinnedFleetCa);
        var code = OneTimeCode.Normalize(oneTimeCode) ?? throw new KioskBundleRejectedException(
            "Mã kích hoạt không đúng dạng: cần 20 ký tự như ABCD-EFGH-JKMN-PQRS-TVWX.",
            "The activation code is malformed: it has 20 characters like ABCD-EFGH-JKMN-PQRS-TVWX.");
        byte[] salt, nonce, cipher, tag;
        try
        {
            salt = Convert.FromBase64String(manifest.Salt);
            nonce = Convert.FromBase64String(manifest.Nonce);
            cipher = Convert.FromBase64String(manifest.Ciphertext);
            tag = Convert.FromBase64String(manifest.Tag);
        }
        catch (FormatException ex)
        {
            throw Tampered(ex);
        }

        if (manifest.Iterations is < 10_000 or > 10_000_000 || nonce.Length != 12 || tag.Length != 16)
        {
            throw Tampered(null);
        }

        var plain = new byte[cipher.Length];
        var key = DeriveKey(code, salt, manifest.Iterations);
        try
        {
            using var aes = new AesGcm(key, tag.Length);
            aes.Decrypt(nonce, cipher, tag, plain, publicBytes);
            var secrets = JsonSerializer.Deserialize<KioskBundleSecrets>(plain, Json) ?? throw Tampered(null);
            return new KioskBundleContents(publicPart, secrets);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new KioskBundleRejectedException(
                "Sai mã kích hoạt (hoặc gói đã bị sửa): không cài đặt gì. Kiểm tra lại mã in kèm gói của ki-ốt này.",
                "Wrong activation code (or the bundle was altered): nothing installed. Check the code printed with this kiosk's bundle.", ex);
        }
        catch (JsonException ex)
        {
            throw Tampered(ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>SHA-256 of a certificate's DER bytes, hex upper case: how the hub records a kiosk's certificate.</summary>
    public static string Fingerprint(X509Certificate2 certificate) =>
        Convert.ToHexString(SHA256.HashData(certificate.RawData));

    private static (KioskBundlePublic Public, byte[] PublicBytes, KioskBundleManifest Manifest) VerifyCore(byte[] bundle, X509Certificate2? pinnedFleetCa)
    {
        KioskBundleFile file;
        byte[] manifestBytes, signature;
        try
        {
            file = JsonSerializer.Deserialize<KioskBundleFile>(bundle, Json) ?? throw Tampered(null);
            manifestBytes = Convert.FromBase64String(file.Manifest);
            signature = Convert.FromBase64String(file.Signature);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or DecoderFallbackException)
        {
            throw Tampered(ex);
        }

        if (file.Format != KioskBundleFile.CurrentFormat)
        {
            throw new KioskBundleRejectedException(
                $"Gói cấu hình có định dạng lạ '{file.Format}': cần bản tcd-edge mới hơn hoặc gói khác.",
                $"Unknown bundle format '{file.Format}': a newer tcd-edge or another bundle is needed.");
        }

        using var embeddedSigner = LoadPem(file.SignerCertificatePem);
        var anchor = pinnedFleetCa ?? embeddedSigner;
        if (!VerifySignature(anchor, file.SignatureAlgorithm, manifestBytes, signature))
        {
            throw new KioskBundleRejectedException(
                pinnedFleetCa is null
                    ? "Chữ ký của gói cấu hình không hợp lệ: gói đã bị sửa hoặc hỏng. Không cài đặt gì; hãy xin gói mới."
                    : "Gói cấu hình không được ký bởi CA của hệ thống (hoặc đã bị sửa). Không cài đặt gì; hãy xin gói mới.",
                pinnedFleetCa is null
                    ? "The bundle's signature is invalid: it was altered or damaged. Nothing installed; ask for a new bundle."
                    : "The bundle is not signed by the fleet CA (or was altered). Nothing installed; ask for a new bundle.");
        }

        KioskBundleManifest manifest;
        byte[] publicBytes;
        KioskBundlePublic publicPart;
        try
        {
            manifest = JsonSerializer.Deserialize<KioskBundleManifest>(manifestBytes, Json) ?? throw Tampered(null);
            publicBytes = Convert.FromBase64String(manifest.Public);
            publicPart = JsonSerializer.Deserialize<KioskBundlePublic>(publicBytes, Json) ?? throw Tampered(null);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw Tampered(ex);
        }

        CheckClientCertificate(publicPart, anchor);
        return (publicPart, publicBytes, manifest);
    }

    private static void CheckClientCertificate(KioskBundlePublic publicPart, X509Certificate2 anchor)
    {
        using var client = LoadPem(publicPart.ClientCertificatePem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(anchor);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var cn = client.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (!chain.Build(client) || cn != publicPart.KioskId
            || !string.Equals(Fingerprint(client), publicPart.CertificateFingerprint, StringComparison.OrdinalIgnoreCase))
        {
            throw new KioskBundleRejectedException(
                $"Chứng thư của ki-ốt trong gói không do CA của hệ thống cấp cho ki-ốt {publicPart.KioskId}. Không cài đặt gì.",
                $"The kiosk certificate in the bundle was not issued by the fleet CA for kiosk {publicPart.KioskId}. Nothing installed.");
        }
    }

    private static X509Certificate2 LoadPem(string pem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException ex)
        {
            throw Tampered(ex);
        }
    }

    private static (string Algorithm, byte[] Signature) Sign(X509Certificate2 signer, byte[] data)
    {
        using var ec = signer.GetECDsaPrivateKey();
        if (ec is not null)
        {
            return (Ecdsa, ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        }

        using var rsa = signer.GetRSAPrivateKey()
                        ?? throw new ArgumentException("The signer certificate has no ECDSA or RSA private key.", nameof(signer));
        return (Rsa, rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private static bool VerifySignature(X509Certificate2 signer, string algorithm, byte[] data, byte[] signature)
    {
        try
        {
            return VerifySignatureCore(signer, algorithm, data, signature);
        }
        catch (CryptographicException)
        {
            // A signer certificate whose key cannot be read (a flipped byte in it) verifies nothing.
            return false;
        }
    }

    private static bool VerifySignatureCore(X509Certificate2 signer, string algorithm, byte[] data, byte[] signature)
    {
        switch (algorithm)
        {
            case Ecdsa:
                using (var ec = signer.GetECDsaPublicKey())
                {
                    return ec is not null && ec.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
                }

            case Rsa:
                using (var rsa = signer.GetRSAPublicKey())
                {
                    return rsa is not null && rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                }

            default:
                return false;
        }
    }

    private static byte[] DeriveKey(string code, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(code), salt, iterations, HashAlgorithmName.SHA256, 32);

    private static KioskBundleRejectedException Tampered(Exception? inner) => new(
        "Gói cấu hình bị hỏng hoặc đã bị sửa: không đọc được. Không cài đặt gì; hãy xin gói mới.",
        "The bundle is damaged or was altered and cannot be read. Nothing installed; ask for a new bundle.",
        inner);
}
