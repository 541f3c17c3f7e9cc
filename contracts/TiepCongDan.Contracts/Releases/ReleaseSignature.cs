using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace TiepCongDan.Contracts.Releases;

/// <summary>
/// Signs and checks an edge release package's manifest (SHA256SUMS, which hashes every file): the
/// hub signs with the fleet CA (or a release certificate the CA issued), the kiosk checks against
/// the fleet CA installed at first boot. With the manifest's hashes this covers every byte of the
/// release, so whoever can write the download cannot install code.
/// </summary>
public static class ReleaseSignature
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The SHA256SUMS.sig contents for <paramref name="manifest"/>, signed by <paramref name="signer"/> (with its ECDSA private key).</summary>
    public static byte[] Sign(ReadOnlySpan<byte> manifest, X509Certificate2 signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        using var key = signer.GetECDsaPrivateKey() ?? throw new ArgumentException("The signer has no ECDSA private key.", nameof(signer));
        var file = new ReleaseSignatureFile
        {
            Algorithm = ReleaseSignatureFile.Es256,
            Signature = Convert.ToBase64String(key.SignData(manifest, HashAlgorithmName.SHA256)),
            SignerCertificatePem = signer.ExportCertificatePem(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(file, Json);
    }

    /// <summary>
    /// Checks <paramref name="signatureFile"/> over <paramref name="manifest"/>: the signer is
    /// <paramref name="trustAnchor"/> or chains to it, is valid now, and the signature matches.
    /// Returns the signer's subject; throws <see cref="ReleaseSignatureException"/> otherwise.
    /// </summary>
    public static string Verify(ReadOnlySpan<byte> manifest, ReadOnlySpan<byte> signatureFile, X509Certificate2 trustAnchor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(trustAnchor);
        ReleaseSignatureFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ReleaseSignatureFile>(signatureFile, Json);
        }
        catch (JsonException ex)
        {
            throw new ReleaseSignatureException($"the signature file is not valid JSON ({ex.Message})");
        }

        if (file is null || file.Algorithm != ReleaseSignatureFile.Es256 || string.IsNullOrEmpty(file.Signature) || string.IsNullOrEmpty(file.SignerCertificatePem))
        {
            throw new ReleaseSignatureException($"the signature file must name {ReleaseSignatureFile.Es256} and carry a signature and the signer's certificate");
        }

        byte[] signature;
        X509Certificate2 signer;
        try
        {
            signature = Convert.FromBase64String(file.Signature);
            signer = X509Certificate2.CreateFromPem(file.SignerCertificatePem);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw new ReleaseSignatureException($"the signature or the signer's certificate cannot be read ({ex.Message})");
        }

        using (signer)
        {
            if (!IsTrusted(signer, trustAnchor, now))
            {
                throw new ReleaseSignatureException($"the package is signed by '{signer.Subject}', which this kiosk's fleet CA '{trustAnchor.Subject}' did not issue (or whose certificate is not valid now)");
            }

            using var key = signer.GetECDsaPublicKey() ?? throw new ReleaseSignatureException("the signer's certificate has no ECDSA key");
            if (!key.VerifyData(manifest, signature, HashAlgorithmName.SHA256))
            {
                throw new ReleaseSignatureException("the signature does not match SHA256SUMS (the manifest was altered after signing)");
            }

            return signer.Subject;
        }
    }

    private static bool IsTrusted(X509Certificate2 signer, X509Certificate2 anchor, DateTimeOffset now)
    {
        if (signer.RawData.AsSpan().SequenceEqual(anchor.RawData))
        {
            return now >= signer.NotBefore.ToUniversalTime() && now <= signer.NotAfter.ToUniversalTime();
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(anchor);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(signer) && chain.ChainElements[^1].Certificate.RawData.AsSpan().SequenceEqual(anchor.RawData);
    }
}
