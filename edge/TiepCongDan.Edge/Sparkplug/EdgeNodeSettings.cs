using System.Security.Cryptography.X509Certificates;
using TiepCongDan.Contracts.Fleet;

namespace TiepCongDan.Edge.Sparkplug;

/// <summary>
/// Everything one <see cref="EdgeNode"/> needs to know, independent of the configuration system:
/// the service builds it from EdgeOptions, the fleet simulator builds thousands of them directly.
/// </summary>
public sealed record EdgeNodeSettings
{
    public required string KioskId { get; init; }

    public string? CommuneCode { get; init; }

    public required string Host { get; init; }

    public int Port { get; init; } = 1883;

    public bool UseTls { get; init; }

    /// <summary>Defaults to the kiosk id (the hub requires user name = kiosk id).</summary>
    public string? Username { get; init; }

    /// <summary>Empty when the kiosk proves itself with <see cref="ClientCertificate"/> alone.</summary>
    public required string Password { get; init; }

    /// <summary>Client certificate (with private key, CN = kiosk id) presented on the TLS handshake.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>When set, the hub's certificate must chain to this CA; the system trust store is not used.</summary>
    public X509Certificate2? TrustedCa { get; init; }

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a connected node pings the broker to check the link and measure the hub RTT.</summary>
    public TimeSpan ConnectionCheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a full NDATA with every metric goes out, changed or not.</summary>
    public TimeSpan ReportInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Empty: birth as soon as connected. Set: wait for this host's STATE online first (Sparkplug 3.0).</summary>
    public string? PrimaryHostId { get; init; }

    public string ServiceVersion { get; init; } = typeof(EdgeNodeSettings).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Free bytes on the data partition below which a warning is logged (0 = never).</summary>
    public long LowDiskBytes { get; init; }

    public string Province => Contracts.Fleet.KioskId.ProvinceOf(KioskId);

    public string Commune => string.IsNullOrWhiteSpace(CommuneCode) ? KioskId.Substring(3, 5) : CommuneCode;

    public string MqttUsername => string.IsNullOrWhiteSpace(Username) ? KioskId : Username;
}
