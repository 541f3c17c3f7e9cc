using System.Text.Json.Serialization;

namespace TiepCongDan.Contracts.Provisioning;

/// <summary>
/// The bundle file as stored on the boot partition (JSON). <see cref="Manifest"/> is the base64 of
/// the signed bytes (a <see cref="KioskBundleManifest"/>), so the signature covers exactly what was
/// written; <see cref="Signature"/> is by the key of <see cref="SignerCertificatePem"/>.
/// </summary>
public sealed record KioskBundleFile
{
    public const string CurrentFormat = "tcd-kiosk-bundle/1";

    [JsonPropertyName("format")]
    public string Format { get; init; } = CurrentFormat;

    [JsonPropertyName("manifest")]
    public string Manifest { get; init; } = string.Empty;

    [JsonPropertyName("signatureAlgorithm")]
    public string SignatureAlgorithm { get; init; } = string.Empty;

    [JsonPropertyName("signature")]
    public string Signature { get; init; } = string.Empty;

    [JsonPropertyName("signerCertificate")]
    public string SignerCertificatePem { get; init; } = string.Empty;
}
