namespace TiepCongDan.Benchmarks.Hub;

/// <summary>
/// The few MPEG-TS fields the hub benchmark reads and rewrites (PID, PUSI, PCR, PES PTS/DTS), on
/// 188-byte packets. The edge's TS reader is internal to the kiosk; a benchmark needs only this much.
/// </summary>
public static class TsBytes
{
    public const int PacketSize = 188;
    public const long PtsMask = (1L << 33) - 1;

    public static int Pid(ReadOnlySpan<byte> p) => ((p[1] & 0x1F) << 8) | p[2];

    public static bool PayloadUnitStart(ReadOnlySpan<byte> p) => (p[1] & 0x40) != 0;

    public static bool HasAdaptation(ReadOnlySpan<byte> p) => (p[3] & 0x20) != 0 && p[4] > 0;

    public static bool RandomAccess(ReadOnlySpan<byte> p) => HasAdaptation(p) && (p[5] & 0x40) != 0;

    public static bool HasPcr(ReadOnlySpan<byte> p) => HasAdaptation(p) && p[4] >= 7 && (p[5] & 0x10) != 0;

    /// <summary>The PCR base (90 kHz) of a packet that carries one.</summary>
    public static long PcrBase(ReadOnlySpan<byte> p) =>
        ((long)p[6] << 25) | ((long)p[7] << 17) | ((long)p[8] << 9) | ((long)p[9] << 1) | ((long)p[10] >> 7);

    /// <summary>Offset of the payload in the packet, or -1 when it has none.</summary>
    public static int PayloadOffset(ReadOnlySpan<byte> p)
    {
        if ((p[3] & 0x10) == 0)
        {
            return -1;
        }

        var offset = (p[3] & 0x20) != 0 ? 5 + p[4] : 4;
        return offset < PacketSize ? offset : -1;
    }

    /// <summary>The PTS of a PES starting in this packet (PUSI set), or -1.</summary>
    public static long PesPts(ReadOnlySpan<byte> p)
    {
        var o = PayloadOffset(p);
        if (o < 0 || !PayloadUnitStart(p) || o + 14 > PacketSize || p[o] != 0 || p[o + 1] != 0 || p[o + 2] != 1 || (p[o + 7] & 0x80) == 0)
        {
            return -1;
        }

        return ReadTimestamp(p[(o + 9)..]);
    }

    /// <summary>Adds <paramref name="ticks"/> (90 kHz) to the packet's PCR and to the PTS/DTS of a PES starting in it.</summary>
    public static void Shift(Span<byte> p, long ticks)
    {
        if (ticks == 0)
        {
            return;
        }

        if (HasPcr(p))
        {
            var pcr = (PcrBase(p) + ticks) & PtsMask;
            p[6] = (byte)(pcr >> 25);
            p[7] = (byte)(pcr >> 17);
            p[8] = (byte)(pcr >> 9);
            p[9] = (byte)(pcr >> 1);
            p[10] = (byte)((p[10] & 0x7F) | (int)((pcr & 1) << 7));
        }

        var o = PayloadOffset(p);
        if (o < 0 || !PayloadUnitStart(p) || o + 19 > PacketSize || p[o] != 0 || p[o + 1] != 0 || p[o + 2] != 1)
        {
            return;
        }

        var flags = p[o + 7];
        if ((flags & 0x80) != 0)
        {
            WriteTimestamp(p[(o + 9)..], (ReadTimestamp(p[(o + 9)..]) + ticks) & PtsMask);
        }

        if ((flags & 0x40) != 0)
        {
            WriteTimestamp(p[(o + 14)..], (ReadTimestamp(p[(o + 14)..]) + ticks) & PtsMask);
        }
    }

    private static long ReadTimestamp(ReadOnlySpan<byte> t) =>
        ((long)(t[0] & 0x0E) << 29) | ((long)t[1] << 22) | ((long)(t[2] & 0xFE) << 14) | ((long)t[3] << 7) | ((long)t[4] >> 1);

    private static void WriteTimestamp(Span<byte> t, long v)
    {
        t[0] = (byte)((t[0] & 0xF0) | (int)(((v >> 30) & 0x07) << 1) | 1);
        t[1] = (byte)(v >> 22);
        t[2] = (byte)((((v >> 15) & 0x7F) << 1) | 1);
        t[3] = (byte)(v >> 7);
        t[4] = (byte)(((v & 0x7F) << 1) | 1);
    }
}
