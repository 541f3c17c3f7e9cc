namespace TiepCongDan.Contracts.Provisioning;

/// <summary>The secret part of a kiosk's bundle; only ever stored encrypted (AES-256-GCM under the one-time code).</summary>
public sealed record KioskBundleSecrets
{
    public required string MqttPassword { get; init; }

    public required string SrtPassphrase { get; init; }

    /// <summary>PKCS#8 PEM private key of the client certificate.</summary>
    public required string ClientKeyPem { get; init; }

    /// <summary>The kiosk's 32-byte media-at-rest key (base64).</summary>
    public required string MediaKey { get; init; }

    /// <summary>The kiosk's 32-byte reception journal key (base64).</summary>
    public required string ReceptionKey { get; init; }
}
