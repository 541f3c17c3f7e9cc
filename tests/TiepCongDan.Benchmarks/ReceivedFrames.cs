namespace TiepCongDan.Benchmarks;

/// <summary>
/// How many video frames reached a receiver between two moments: in the bytes the receiver's file
/// grew by in that window, the packets of the H.264 stream that start a PES packet (ffmpeg's
/// MPEG-TS muxer writes one PES per video frame). The H.264 PID comes from the file's own PAT and
/// PMT. Ours and the baseline are counted the same way, without decoding.
/// </summary>
public static class ReceivedFrames
{
    private const int TsPacket = 188;
    private const int StreamTypeH264 = 0x1B;

    public static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    public static async Task<long> CountVideoFramesAsync(string path, long fromByte, long toByte, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var videoPid = FindH264Pid(bytes) ?? throw new InvalidOperationException($"{path} holds no MPEG-TS with an H.264 stream ({bytes.Length} bytes).");
        var end = (int)Math.Min(toByte, bytes.Length);
        long frames = 0;
        for (var at = Align(bytes, (int)fromByte, end); at + TsPacket <= end; at += TsPacket)
        {
            if (bytes[at] != 0x47)
            {
                at = Align(bytes, at + 1, end) - TsPacket;
                continue;
            }

            if (Pid(bytes, at) == videoPid && (bytes[at + 1] & 0x40) != 0)
            {
                frames++;
            }
        }

        return frames;
    }

    /// <summary>The first offset from <paramref name="from"/> where two sync bytes stand a packet apart.</summary>
    private static int Align(byte[] bytes, int from, int end)
    {
        var at = from;
        while (at + TsPacket < end && !(bytes[at] == 0x47 && bytes[at + TsPacket] == 0x47))
        {
            at++;
        }

        return at;
    }

    private static int Pid(byte[] bytes, int at) => ((bytes[at + 1] & 0x1F) << 8) | bytes[at + 2];

    /// <summary>PAT → PMT PID → the first elementary stream of type H.264; null when none is found.</summary>
    private static int? FindH264Pid(byte[] bytes)
    {
        int? pmtPid = null;
        for (var at = Align(bytes, 0, bytes.Length); at + TsPacket <= bytes.Length; at += TsPacket)
        {
            if (bytes[at] != 0x47 || (bytes[at + 1] & 0x40) == 0)
            {
                continue;
            }

            var pid = Pid(bytes, at);
            var payload = at + 4 + (((bytes[at + 3] & 0x20) != 0) ? 1 + bytes[at + 4] : 0);
            var section = payload + 1 + bytes[payload]; // pointer_field
            if (section + 12 > at + TsPacket)
            {
                continue;
            }

            var sectionLength = ((bytes[section + 1] & 0x0F) << 8) | bytes[section + 2];
            var sectionEnd = Math.Min(section + 3 + sectionLength - 4, at + TsPacket); // without the CRC
            if (pid == 0 && bytes[section] == 0x00)
            {
                for (var p = section + 8; p + 4 <= sectionEnd; p += 4)
                {
                    var program = (bytes[p] << 8) | bytes[p + 1];
                    if (program != 0)
                    {
                        pmtPid = ((bytes[p + 2] & 0x1F) << 8) | bytes[p + 3];
                        break;
                    }
                }
            }
            else if (pid == pmtPid && bytes[section] == 0x02)
            {
                var programInfoLength = ((bytes[section + 10] & 0x0F) << 8) | bytes[section + 11];
                for (var p = section + 12 + programInfoLength; p + 5 <= sectionEnd;)
                {
                    var esPid = ((bytes[p + 1] & 0x1F) << 8) | bytes[p + 2];
                    if (bytes[p] == StreamTypeH264)
                    {
                        return esPid;
                    }

                    p += 5 + (((bytes[p + 3] & 0x0F) << 8) | bytes[p + 4]);
                }
            }
        }

        return null;
    }
}
