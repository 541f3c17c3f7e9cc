namespace TiepCongDan.Benchmarks.Hub;

/// <summary>
/// One segment of the looped clip as a kiosk would cut it: starts at a video keyframe, PAT and PMT
/// are put in front when it is sent. <see cref="PacketTicks"/> holds when each packet is due (90 kHz
/// from the clip's start, from the PCR), so the sender paces like the encoder's real-time output.
/// </summary>
public sealed record ClipSegment(byte[] Packets, long StartPts, long[] PacketTicks)
{
    public int PacketCount => Packets.Length / TsBytes.PacketSize;
}
