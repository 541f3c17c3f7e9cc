namespace TiepCongDan.Edge.Media.Uplink;

/// <summary>How the kiosk sends one session live to the hub over SRT (caller mode).</summary>
public sealed class SrtUplinkSettings
{
    /// <summary>The hub's SRT ingest host (name or IPv4).</summary>
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 8890;

    public string KioskId { get; set; } = string.Empty;

    public string SessionId { get; set; } = string.Empty;

    /// <summary>This kiosk's SRT passphrase (MediaCredentials.DeriveSrtPassphrase); null sends unencrypted (tests only).</summary>
    public string? Passphrase { get; set; }

    /// <summary>AES key length: 16, 24 or 32 bytes.</summary>
    public int KeyLengthBytes { get; set; } = 32;

    /// <summary>SRT latency; null derives it from the RTT the previous connection measured (<see cref="SrtUplink.DeriveLatencyMs"/>).</summary>
    public int? LatencyMs { get; set; }

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Silence after which SRT declares the hub gone.</summary>
    public TimeSpan PeerIdleTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often link statistics are sampled (and offered to adaptation).</summary>
    public TimeSpan StatsInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most data waiting for the link; beyond it the oldest is dropped (the local recording keeps everything).</summary>
    public int MaxQueueBytes { get; set; } = 1024 * 1024;

    /// <summary>Throws with a sentence a technician understands when a setting is wrong.</summary>
    /// <summary>What libsrt's caller needs for this hub, with <paramref name="streamId"/> (the uplink's or the officials' return).</summary>
    public TiepCongDan.Srt.SrtCallerOptions CallerOptions(string streamId, int latencyMs) => new()
    {
        Host = Host,
        Port = Port,
        StreamId = streamId,
        Passphrase = Passphrase,
        KeyLengthBytes = KeyLengthBytes,
        LatencyMs = latencyMs,
        ConnectTimeoutMs = (int)ConnectTimeout.TotalMilliseconds,
        PeerIdleTimeoutMs = (int)PeerIdleTimeout.TotalMilliseconds,
    };

    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Host), "Host is required (the hub's SRT ingest address).");
        Require(Port is >= 1 and <= 65535, $"Port {Port} is outside 1-65535.");
        Require(!string.IsNullOrWhiteSpace(KioskId), "KioskId is required.");
        Require(!string.IsNullOrWhiteSpace(SessionId), "SessionId is required.");
        Require(Passphrase is null || Passphrase.Length is >= 10 and <= 79, "the passphrase must be 10-79 characters.");
        Require(KeyLengthBytes is 16 or 24 or 32, $"KeyLengthBytes must be 16, 24 or 32 (got {KeyLengthBytes}).");
        Require(LatencyMs is null or (>= 20 and <= 60000), $"LatencyMs {LatencyMs} is outside 20-60000.");
        Require(ConnectTimeout >= TimeSpan.FromMilliseconds(100) && ConnectTimeout <= TimeSpan.FromMinutes(2), "ConnectTimeout must be 0.1 s - 2 min.");
        Require(PeerIdleTimeout >= TimeSpan.FromSeconds(1) && PeerIdleTimeout <= TimeSpan.FromMinutes(10), "PeerIdleTimeout must be 1 s - 10 min.");
        Require(ReconnectMinDelay > TimeSpan.Zero && ReconnectMaxDelay >= ReconnectMinDelay, "ReconnectMinDelay must be positive and not above ReconnectMaxDelay.");
        Require(StatsInterval >= TimeSpan.FromMilliseconds(100), "StatsInterval must be at least 100 ms.");
        Require(MaxQueueBytes >= 16 * 1316, $"MaxQueueBytes {MaxQueueBytes} is below 16 SRT messages (21056 bytes).");
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException("SRT uplink: " + problem);
        }
    }
}
