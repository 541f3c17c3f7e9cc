namespace TiepCongDan.Edge.Options;

/// <summary>How the kiosk reaches the hub's MQTT broker (section "Edge:Mqtt").</summary>
public sealed class EdgeMqttOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    public bool UseTls { get; set; }

    /// <summary>Defaults to the kiosk id: the hub checks user name = kiosk id.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>A file holding the password (first line); preferred over <see cref="Password"/> so the secret is not in the config.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>
    /// PEM file of the CA the hub's server certificate must chain to, instead of the system trust
    /// store: each province runs its own CA. Needs <see cref="UseTls"/>.
    /// </summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>PEM client certificate (CN = kiosk id) the kiosk proves itself with; with it the password is optional.</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>PEM private key of <see cref="ClientCertificatePath"/>.</summary>
    public string? ClientKeyPath { get; set; }

    public bool HasClientCertificate => !string.IsNullOrWhiteSpace(ClientCertificatePath) || !string.IsNullOrWhiteSpace(ClientKeyPath);

    public int KeepAliveSeconds { get; set; } = 30;

    public int ReconnectMinDelayMs { get; set; } = 1000;

    public int ReconnectMaxDelayMs { get; set; } = 60000;

    /// <summary>How often a connected node pings the broker (checks the link and measures the hub RTT).</summary>
    public int ConnectionCheckSeconds { get; set; } = 5;

    /// <summary>When set, the node waits for this Sparkplug primary host's STATE online before its NBIRTH.</summary>
    public string? PrimaryHostId { get; set; }
}
