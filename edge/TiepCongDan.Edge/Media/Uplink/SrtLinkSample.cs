namespace TiepCongDan.Edge.Media.Uplink;

/// <summary>
/// One reading of the live link, every StatsInterval while connected and once per failed attempt
/// (then <see cref="Connected"/> is false and the numbers are zero). Percentages are of the
/// packets sent during the interval.
/// </summary>
public sealed record SrtLinkSample
{
    public required DateTimeOffset Time { get; init; }

    public required bool Connected { get; init; }

    public double RttMs { get; init; }

    /// <summary>Packets the hub reported missing (before retransmission).</summary>
    public double LossPercent { get; init; }

    public double RetransmitPercent { get; init; }

    /// <summary>Unacknowledged data in SRT's sender, as time: grows when the link cannot keep up.</summary>
    public int SendBufferMs { get; init; }

    public double SendRateKbps { get; init; }

    /// <summary>SRT's estimate of the link capacity.</summary>
    public double BandwidthKbps { get; init; }

    /// <summary>Packets SRT gave up on (too late for the latency budget) during the interval.</summary>
    public long DroppedPackets { get; init; }

    /// <summary>The latency the connection negotiated.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Data packets sent during the interval (retransmissions included): the weight of this sample's percentages.</summary>
    public long PacketsSent { get; init; }

    /// <summary>
    /// False when data went out but not one ACK came back in the interval: the link is cut (or the
    /// hub is gone), not congested, so it says nothing about the bitrate the link can carry.
    /// </summary>
    public bool PeerHeard { get; init; } = true;

    /// <summary>Bytes waiting in the uplink's own queue (before SRT).</summary>
    public long QueuedBytes { get; init; }
}
