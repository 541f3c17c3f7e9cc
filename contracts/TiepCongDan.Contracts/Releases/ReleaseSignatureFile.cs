namespace TiepCongDan.Contracts.Releases;

/// <summary>SHA256SUMS.sig of an edge release package: an ECDSA signature over the package's SHA256SUMS and the signer's certificate.</summary>
public sealed record ReleaseSignatureFile
{
    public const string Es256 = "ECDSA-P256-SHA256";

    public required string Algorithm { get; init; }

    /// <summary>Base64 of the IEEE P1363 (r||s) signature over the SHA256SUMS bytes exactly as shipped.</summary>
    public required string Signature { get; init; }

    /// <summary>The signer (PEM): the fleet CA itself or a release certificate it issued.</summary>
    public required string SignerCertificatePem { get; init; }
}
