namespace TiepCongDan.Edge.Media.Ts;

/// <summary>Measures how much video a complete TS buffer holds, from its video decode timestamps.</summary>
internal static class TsDurationProbe
{
    private const long PtsMask = (1L << 33) - 1;

    /// <summary>Milliseconds from the first video frame to the end of the last one (0 without video).</summary>
    public static long DurationMs(ReadOnlySpan<byte> ts)
    {
        var pmtPid = -1;
        TsProgramInfo? program = null;
        long? first = null, previous = null;
        long total = 0, step = 0;
        for (var i = 0; i + TsPacket.Size <= ts.Length; i += TsPacket.Size)
        {
            var packet = ts.Slice(i, TsPacket.Size);
            if (packet[0] != TsPacket.SyncByte)
            {
                continue;
            }

            var pid = TsPacket.Pid(packet);
            if (pid == TsPacket.PatPid)
            {
                var found = PsiParser.ReadPmtPid(packet);
                pmtPid = found >= 0 ? found : pmtPid;
            }
            else if (pid == pmtPid)
            {
                program = PsiParser.ReadPmt(packet, pid) ?? program;
            }
            else if (program is not null && pid == program.VideoPid && TsPacket.PayloadUnitStart(packet)
                && PesHeader.TryReadTimestamps(TsPacket.Payload(packet), out _, out var dts))
            {
                first ??= dts;
                if (previous is { } p)
                {
                    var delta = (dts - p) & PtsMask;
                    // Across an encoder restart the clock starts over: count one frame there.
                    if (delta is > 0 and <= 90_000)
                    {
                        step = delta;
                        total += delta;
                    }
                    else
                    {
                        total += step;
                    }
                }

                previous = dts;
            }
        }

        return first is null ? 0 : (total + step) / 90;
    }
}
