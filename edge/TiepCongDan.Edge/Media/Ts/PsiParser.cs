namespace TiepCongDan.Edge.Media.Ts;

/// <summary>
/// Reads the PAT and PMT sections our encoders emit. ffmpeg and GStreamer put each section in a
/// single packet, so sections spanning packets are not reassembled (they are reported as absent).
/// </summary>
internal static class PsiParser
{
    private const byte PatTableId = 0x00;
    private const byte PmtTableId = 0x02;
    private const byte StreamTypeH264 = 0x1B;
    private const byte StreamTypeAacAdts = 0x0F;
    private const byte StreamTypePrivatePes = 0x06;
    private const byte RegistrationDescriptor = 0x05;

    /// <summary>The first program's PMT PID, or -1 when the packet holds no complete PAT.</summary>
    public static int ReadPmtPid(ReadOnlySpan<byte> packet)
    {
        var section = Section(packet, PatTableId);
        if (section.IsEmpty)
        {
            return -1;
        }

        // Program loop after the 8-byte header, before the CRC.
        for (var i = 8; i + 4 <= section.Length - 4; i += 4)
        {
            var program = (section[i] << 8) | section[i + 1];
            if (program != 0)
            {
                return ((section[i + 2] & 0x1F) << 8) | section[i + 3];
            }
        }

        return -1;
    }

    /// <summary>Video and audio PIDs from a PMT packet, or null when the packet holds no complete PMT with H.264.</summary>
    public static TsProgramInfo? ReadPmt(ReadOnlySpan<byte> packet, int pmtPid)
    {
        var section = Section(packet, PmtTableId);
        if (section.Length < 12)
        {
            return null;
        }

        var programInfoLength = ((section[10] & 0x0F) << 8) | section[11];
        var i = 12 + programInfoLength;
        int video = -1, audio = -1;
        var codec = TsAudioCodec.None;
        while (i + 5 <= section.Length - 4)
        {
            var streamType = section[i];
            var pid = ((section[i + 1] & 0x1F) << 8) | section[i + 2];
            var infoLength = ((section[i + 3] & 0x0F) << 8) | section[i + 4];
            var end = Math.Min(i + 5 + infoLength, section.Length - 4);
            var descriptors = section[(i + 5)..end];
            if (streamType == StreamTypeH264 && video < 0)
            {
                video = pid;
            }
            else if (streamType == StreamTypeAacAdts && audio < 0)
            {
                audio = pid;
                codec = TsAudioCodec.Aac;
            }
            else if (streamType == StreamTypePrivatePes && audio < 0 && IsOpus(descriptors))
            {
                audio = pid;
                codec = TsAudioCodec.Opus;
            }

            i = end;
        }

        return video < 0 ? null : new TsProgramInfo(pmtPid, video, audio, codec);
    }

    private static bool IsOpus(ReadOnlySpan<byte> descriptors)
    {
        for (var i = 0; i + 2 <= descriptors.Length;)
        {
            var tag = descriptors[i];
            var length = descriptors[i + 1];
            if (tag == RegistrationDescriptor && length >= 4 && i + 6 <= descriptors.Length && descriptors.Slice(i + 2, 4).SequenceEqual("Opus"u8))
            {
                return true;
            }

            i += 2 + length;
        }

        return false;
    }

    /// <summary>The section (table id to CRC inclusive) when it starts and ends in this packet.</summary>
    private static ReadOnlySpan<byte> Section(ReadOnlySpan<byte> packet, byte tableId)
    {
        if (!TsPacket.PayloadUnitStart(packet))
        {
            return [];
        }

        var payload = TsPacket.Payload(packet);
        if (payload.IsEmpty || 1 + payload[0] + 3 > payload.Length)
        {
            return [];
        }

        var section = payload[(1 + payload[0])..];
        if (section[0] != tableId)
        {
            return [];
        }

        var length = ((section[1] & 0x0F) << 8) | section[2];
        return 3 + length > section.Length || length < 9 ? [] : section[..(3 + length)];
    }
}
