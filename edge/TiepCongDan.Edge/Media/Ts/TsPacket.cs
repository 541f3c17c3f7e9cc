namespace TiepCongDan.Edge.Media.Ts;

/// <summary>Field access on one 188-byte MPEG-TS packet (ISO/IEC 13818-1 §2.4.3).</summary>
internal static class TsPacket
{
    public const int Size = 188;
    public const byte SyncByte = 0x47;
    public const int PatPid = 0;
    public const int NullPid = 0x1FFF;

    public static int Pid(ReadOnlySpan<byte> packet) => ((packet[1] & 0x1F) << 8) | packet[2];

    public static bool PayloadUnitStart(ReadOnlySpan<byte> packet) => (packet[1] & 0x40) != 0;

    public static bool HasPayload(ReadOnlySpan<byte> packet) => (packet[3] & 0x10) != 0;

    public static bool HasAdaptationField(ReadOnlySpan<byte> packet) => (packet[3] & 0x20) != 0;

    public static int ContinuityCounter(ReadOnlySpan<byte> packet) => packet[3] & 0x0F;

    public static void SetContinuityCounter(Span<byte> packet, int counter) =>
        packet[3] = (byte)((packet[3] & 0xF0) | (counter & 0x0F));

    /// <summary>random_access_indicator: ffmpeg's muxer sets it on the first packet of every keyframe.</summary>
    public static bool RandomAccess(ReadOnlySpan<byte> packet) =>
        HasAdaptationField(packet) && packet[4] > 0 && (packet[5] & 0x40) != 0;

    /// <summary>The payload bytes after the header and adaptation field (empty when there are none or the field is malformed).</summary>
    public static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> packet)
    {
        if (!HasPayload(packet))
        {
            return [];
        }

        var offset = 4;
        if (HasAdaptationField(packet))
        {
            offset += 1 + packet[4];
        }

        return offset >= Size ? [] : packet[offset..Size];
    }
}
