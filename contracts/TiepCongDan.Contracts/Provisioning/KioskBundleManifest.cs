using System.Text.Json.Serialization;

namespace TiepCongDan.Contracts.Provisioning;

/// <summary>
/// What the signature covers: the public part (base64 of its exact JSON bytes, also the AES-GCM
/// associated data, so the code alone already proves it unchanged) and the encrypted secrets.
/// </summary>
public sealed record KioskBundleManifest
{
    [JsonPropertyName("public")]
    public string Public { get; init; } = string.Empty;

    [JsonPropertyName("kdf")]
    public string Kdf { get; init; } = "PBKDF2-SHA256";

    [JsonPropertyName("iterations")]
    public int Iterations { get; init; }

    [JsonPropertyName("salt")]
    public string Salt { get; init; } = string.Empty;

    [JsonPropertyName("nonce")]
    public string Nonce { get; init; } = string.Empty;

    [JsonPropertyName("secrets")]
    public string Ciphertext { get; init; } = string.Empty;

    [JsonPropertyName("tag")]
    public string Tag { get; init; } = string.Empty;
}
