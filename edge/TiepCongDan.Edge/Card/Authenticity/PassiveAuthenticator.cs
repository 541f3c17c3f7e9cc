using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TiepCongDan.Edge.Card.Authenticity;

/// <summary>
/// Passive authentication (ICAO 9303-11 §5.1): the data groups read match the hashes in EF.SOD,
/// EF.SOD is signed by its document signer, and the document signer chains to a trusted CSCA.
/// Offline by design: no revocation or certificate downloads, a kiosk may have no network.
/// Thread-safe: holds only the read-only trust store.
/// </summary>
public sealed class PassiveAuthenticator
{
    private readonly CscaTrustStore trustStore;
    private readonly TimeProvider timeProvider;

    public PassiveAuthenticator(CscaTrustStore trustStore, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(trustStore);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.trustStore = trustStore;
        this.timeProvider = timeProvider;
    }

    /// <summary>Authenticates at the current time of the injected <see cref="TimeProvider"/>.</summary>
    public PassiveAuthenticationResult Authenticate(SecurityObject securityObject, IReadOnlyDictionary<int, byte[]> dataGroups) =>
        Authenticate(securityObject, dataGroups, timeProvider.GetUtcNow());

    /// <summary>
    /// Checks every given data group (number to raw bytes as read, tag included) against the security
    /// object, then its signature, then the certificate chain as of <paramref name="at"/>.
    /// Data groups listed in the SOD but not given (not read, e.g. DG3) are not checked.
    /// </summary>
    public PassiveAuthenticationResult Authenticate(
        SecurityObject securityObject,
        IReadOnlyDictionary<int, byte[]> dataGroups,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(securityObject);
        ArgumentNullException.ThrowIfNull(dataGroups);
        if (dataGroups.Count == 0)
        {
            throw new ArgumentException("Passive authentication needs at least one data group.", nameof(dataGroups));
        }

        // Data first: an altered group is the most useful thing to name, whatever else is wrong.
        foreach (var (number, bytes) in dataGroups.OrderBy(g => g.Key))
        {
            if (!securityObject.DataGroupHashes.TryGetValue(number, out var expected))
            {
                return PassiveAuthenticationResult.Invalid($"DG{number} is not listed in the security object.");
            }

            var actual = LdsHashAlgorithms.Hash(securityObject.HashAlgorithm, bytes);
            if (!CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                return PassiveAuthenticationResult.Invalid($"DG{number} hash does not match the security object.");
            }
        }

        try
        {
            // Verifies messageDigest (in the signed attributes) over the LDS security object, then the signature.
            securityObject.Signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException ex)
        {
            return PassiveAuthenticationResult.Invalid($"The security object's signature does not verify with its document signer certificate ({ex.Message}).");
        }

        return CheckChain(securityObject.DocumentSigner, at, dataGroups.Count);
    }

    private PassiveAuthenticationResult CheckChain(X509Certificate2 documentSigner, DateTimeOffset at, int groupCount)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        foreach (var csca in trustStore.Certificates)
        {
            // Link certificates (new CSCA signed by the old one) are not roots but can complete a chain.
            if (csca.SubjectName.RawData.AsSpan().SequenceEqual(csca.IssuerName.RawData))
            {
                chain.ChainPolicy.CustomTrustStore.Add(csca);
            }
            else
            {
                chain.ChainPolicy.ExtraStore.Add(csca);
            }
        }

        bool built;
        try
        {
            built = chain.Build(documentSigner);
        }
        catch (CryptographicException ex)
        {
            return PassiveAuthenticationResult.Invalid($"The document signer certificate could not be checked ({ex.Message}).");
        }

        var issuer = documentSigner.Issuer;
        if (built)
        {
            var root = chain.ChainElements[^1].Certificate;
            return PassiveAuthenticationResult.Valid(
                $"{groupCount} data group(s) match, signature verified, document signer chains to CSCA '{root.Subject}'.");
        }

        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        if (flags.HasFlag(X509ChainStatusFlags.PartialChain) || flags.HasFlag(X509ChainStatusFlags.UntrustedRoot))
        {
            return PassiveAuthenticationResult.UnknownIssuer($"No CSCA in the trust store issued the document signer (issuer '{issuer}').");
        }

        if (flags.HasFlag(X509ChainStatusFlags.NotSignatureValid))
        {
            return PassiveAuthenticationResult.UnknownIssuer($"The document signer names '{issuer}' as issuer, but no CSCA in the trust store signed it.");
        }

        if (flags.HasFlag(X509ChainStatusFlags.NotTimeValid))
        {
            return PassiveAuthenticationResult.Invalid(
                $"The document signer or its CSCA is not valid on {at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.");
        }

        var statuses = string.Join("; ", chain.ChainStatus.Select(s => s.Status.ToString()));
        return PassiveAuthenticationResult.Invalid($"The document signer certificate chain is not acceptable ({statuses}).");
    }
}
