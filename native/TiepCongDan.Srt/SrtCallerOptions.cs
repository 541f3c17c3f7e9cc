using System.Text;

namespace TiepCongDan.Srt;

/// <summary>How a caller (the kiosk) reaches a listener (the hub). Validated by <see cref="Validate"/> before any socket exists.</summary>
public sealed class SrtCallerOptions
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    /// <summary>SRTO_STREAMID, at most 512 bytes; null sends none.</summary>
    public string? StreamId { get; init; }

    /// <summary>10-79 characters; null means no encryption.</summary>
    public string? Passphrase { get; init; }

    /// <summary>AES key length in bytes: 16, 24 or 32.</summary>
    public int KeyLengthBytes { get; init; } = 32;

    /// <summary>SRTO_LATENCY (both directions), 20-60000 ms.</summary>
    public int LatencyMs { get; init; } = 120;

    public int ConnectTimeoutMs { get; init; } = 3000;

    /// <summary>Silence from the peer after which the connection counts as broken.</summary>
    public int PeerIdleTimeoutMs { get; init; } = 5000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the wrong setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("SRT: the host is empty.", nameof(Host));
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentException($"SRT: port {Port} is outside 1-65535.", nameof(Port));
        }

        if (StreamId is not null && Encoding.UTF8.GetByteCount(StreamId) > 512)
        {
            throw new ArgumentException("SRT: the stream id is longer than 512 bytes.", nameof(StreamId));
        }

        if (Passphrase is not null && Passphrase.Length is < 10 or > 79)
        {
            throw new ArgumentException($"SRT: the passphrase must be 10-79 characters (it has {Passphrase.Length}).", nameof(Passphrase));
        }

        if (KeyLengthBytes is not (16 or 24 or 32))
        {
            throw new ArgumentException($"SRT: the key length must be 16, 24 or 32 bytes (got {KeyLengthBytes}).", nameof(KeyLengthBytes));
        }

        if (LatencyMs is < 20 or > 60000)
        {
            throw new ArgumentException($"SRT: latency {LatencyMs} ms is outside 20-60000.", nameof(LatencyMs));
        }

        if (ConnectTimeoutMs is < 100 or > 120000)
        {
            throw new ArgumentException($"SRT: connect timeout {ConnectTimeoutMs} ms is outside 100-120000.", nameof(ConnectTimeoutMs));
        }

        if (PeerIdleTimeoutMs is < 1000 or > 600000)
        {
            throw new ArgumentException($"SRT: peer idle timeout {PeerIdleTimeoutMs} ms is outside 1000-600000.", nameof(PeerIdleTimeoutMs));
        }
    }
}
