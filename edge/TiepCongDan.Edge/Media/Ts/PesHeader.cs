namespace TiepCongDan.Edge.Media.Ts;

/// <summary>Timestamps from the start of a PES packet (ISO/IEC 13818-1 §2.4.3.6).</summary>
internal static class PesHeader
{
    /// <summary>90 kHz PTS and DTS (DTS = PTS when absent); false when the payload starts no PES with a PTS.</summary>
    public static bool TryReadTimestamps(ReadOnlySpan<byte> payload, out long pts, out long dts)
    {
        pts = dts = 0;
        if (payload.Length < 14 || payload[0] != 0 || payload[1] != 0 || payload[2] != 1 || (payload[6] & 0xC0) != 0x80)
        {
            return false;
        }

        var flags = payload[7] >> 6;
        if ((flags & 0x2) == 0)
        {
            return false;
        }

        pts = ReadTimestamp(payload[9..]);
        dts = flags == 3 && payload.Length >= 19 ? ReadTimestamp(payload[14..]) : pts;
        return true;
    }

    /// <summary>Where the elementary stream starts inside the payload, or -1.</summary>
    public static int DataOffset(ReadOnlySpan<byte> payload) =>
        payload.Length < 9 ? -1 : Math.Min(payload.Length, 9 + payload[8]);

    private static long ReadTimestamp(ReadOnlySpan<byte> p) =>
        ((long)(p[0] & 0x0E) << 29) | ((long)p[1] << 22) | ((long)(p[2] & 0xFE) << 14) | ((long)p[3] << 7) | ((long)p[4] >> 1);
}
