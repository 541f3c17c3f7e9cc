namespace TiepCongDan.Srt;

/// <summary>
/// One srt_bstats reading. "Interval" counters cover the time since the previous reading taken
/// with clear = true (or since the connection began); "Total" counters the whole connection.
/// </summary>
public readonly record struct SrtStats
{
    public long ElapsedMs { get; init; }

    public double RttMs { get; init; }

    /// <summary>SRT's estimate of the link capacity (from packet pairs), Mbit/s.</summary>
    public double BandwidthMbps { get; init; }

    public double SendRateMbps { get; init; }

    public double ReceiveRateMbps { get; init; }

    public long PacketsSent { get; init; }

    public long PacketsReceived { get; init; }

    /// <summary>ACK control packets received in the interval: a sender that got none heard nothing back from its peer.</summary>
    public int AcksReceived { get; init; }

    /// <summary>Packets the receiver reported lost (NAKs), before retransmission.</summary>
    public int PacketsSendLoss { get; init; }

    public int PacketsReceiveLoss { get; init; }

    public int PacketsRetransmitted { get; init; }

    /// <summary>Packets the sender gave up on because they would arrive after the latency budget.</summary>
    public int PacketsSendDropped { get; init; }

    public int PacketsReceiveDropped { get; init; }

    public long BytesSent { get; init; }

    public long BytesReceived { get; init; }

    public long PacketsSentTotal { get; init; }

    public long PacketsReceivedTotal { get; init; }

    public int PacketsSendLossTotal { get; init; }

    public int PacketsReceiveLossTotal { get; init; }

    public int PacketsRetransmittedTotal { get; init; }

    public int PacketsSendDroppedTotal { get; init; }

    public int PacketsReceiveDroppedTotal { get; init; }

    public long BytesSentTotal { get; init; }

    public long BytesReceivedTotal { get; init; }

    /// <summary>Unacknowledged data in the sender, as a time span: grows when the link cannot keep up.</summary>
    public int SendBufferMs { get; init; }

    public int SendBufferPackets { get; init; }

    public int SendBufferBytes { get; init; }

    public int ReceiveBufferMs { get; init; }

    public int ReceiveBufferPackets { get; init; }

    /// <summary>The latency the connection negotiated (TSBPD delay), ms.</summary>
    public int LatencyMs { get; init; }

    public int FlightSizePackets { get; init; }
}
