namespace TiepCongDan.Edge.Options;

/// <summary>The live uplink to the hub's SRT listener (section "Edge:Media:Srt").</summary>
public sealed class EdgeSrtOptions
{
    /// <summary>Defaults to Edge:Mqtt:Host.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 9000;

    /// <summary>
    /// The hub's bridge listener, where the kiosk fetches the officials' picture and voice during a
    /// session (Hub:Media:Bridge:Port); empty = <see cref="Port"/> + 1 (the hub's default); 0 = do not fetch.
    /// </summary>
    public int? ReturnPort { get; set; }

    /// <summary>This kiosk's SRT passphrase from provisioning (10-79 characters); prefer <see cref="PassphraseFile"/>.</summary>
    public string? Passphrase { get; set; }

    public string? PassphraseFile { get; set; }

    /// <summary>AES key length in bytes: 16, 24 or 32.</summary>
    public int KeyLengthBytes { get; set; } = 32;

    /// <summary>SRT latency in ms; empty = 4 x the measured RTT to the hub, at least 120.</summary>
    public int? LatencyMs { get; set; }

    public int ReconnectMinDelayMs { get; set; } = 500;

    public int ReconnectMaxDelayMs { get; set; } = 10000;
}
