namespace TiepCongDan.Hub.Options;

public sealed class MqttTlsOptions
{
    /// <summary>Port of the TLS MQTT listener (all interfaces); used only when <see cref="CertificatePath"/> is set.</summary>
    public int Port { get; set; } = 8883;

    /// <summary>PFX with the hub's server certificate and key; empty turns TLS off.</summary>
    public string CertificatePath { get; set; } = string.Empty;

    public string CertificatePassword { get; set; } = string.Empty;

    /// <summary>PEM of the fleet CA that signs kiosk client certificates; empty = kiosks use passwords over TLS.</summary>
    public string ClientCaPath { get; set; } = string.Empty;

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
