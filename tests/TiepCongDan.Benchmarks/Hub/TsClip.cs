using System.Globalization;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.Benchmarks.Hub;

/// <summary>
/// The kiosk-like stream every simulated kiosk sends: a short H.264 + AAC MPEG-TS made once by
/// Debian's ffmpeg (testsrc2 + sine, CBR), cut at keyframes into segments of about
/// <c>segmentSeconds</c>. Senders loop it, adding <see cref="LoopTicks"/> to PCR/PTS/DTS on each
/// pass so time never goes backwards for the hub's recorder.
/// </summary>
public sealed class TsClip
{
    private TsClip(byte[] pat, byte[] pmt, int videoPid, IReadOnlyList<ClipSegment> segments, long loopTicks, long bytes)
    {
        Pat = pat;
        Pmt = pmt;
        VideoPid = videoPid;
        Segments = segments;
        LoopTicks = loopTicks;
        Bytes = bytes;
    }

    public byte[] Pat { get; }

    public byte[] Pmt { get; }

    public int VideoPid { get; }

    public IReadOnlyList<ClipSegment> Segments { get; }

    /// <summary>Length of one pass in 90 kHz ticks.</summary>
    public long LoopTicks { get; }

    /// <summary>Bytes of one pass (segments only, null packets dropped).</summary>
    public long Bytes { get; }

    public double Kbps => Bytes * 8.0 / (LoopTicks / 90_000.0) / 1000.0;

    /// <summary>Encodes the clip with ffmpeg into <paramref name="path"/> and reads it.</summary>
    public static async Task<TsClip> EncodeAsync(string path, int kbps, int seconds, CancellationToken ct)
    {
        var video = Math.Max(200, kbps - 96);
        string[] arguments =
        [
            "-hide_banner", "-nostats", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-t", seconds.ToString(CultureInfo.InvariantCulture),
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", "50", "-keyint_min", "50", "-sc_threshold", "0",
            "-b:v", $"{video}k", "-minrate", $"{video}k", "-maxrate", $"{video}k", "-bufsize", $"{video}k", "-x264-params", "nal-hrd=cbr",
            "-c:a", "aac", "-b:a", "96k", "-ac", "1",
            "-f", "mpegts", path,
        ];
        await using var ffmpeg = ChildProcess.Start("ffmpeg (clip)", "/usr/bin/ffmpeg", arguments);
        if (!await ffmpeg.WaitForExitAsync(TimeSpan.FromMinutes(3), ct))
        {
            throw new TimeoutException($"ffmpeg did not encode the {seconds} s clip within 3 minutes.\n{ffmpeg.Describe()}");
        }

        if (ffmpeg.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed to encode the clip (exit {ffmpeg.ExitCode}); is Debian's ffmpeg installed?\n{ffmpeg.Describe()}");
        }

        return Read(File.ReadAllBytes(path), TimeSpan.FromSeconds(4));
    }

    public static TsClip Read(byte[] ts, TimeSpan segmentTarget)
    {
        var count = ts.Length / TsBytes.PacketSize;
        byte[]? pat = null, pmt = null;
        int pmtPid = -1, videoPid = -1;
        var times = new long[count];
        var lastPcrIndex = -1;
        long lastPcr = -1;
        double ticksPerPacket = 0;
        for (var i = 0; i < count; i++)
        {
            var p = ts.AsSpan(i * TsBytes.PacketSize, TsBytes.PacketSize);
            if (p[0] != 0x47)
            {
                throw new InvalidOperationException($"The clip lost TS sync at packet {i}.");
            }

            var pid = TsBytes.Pid(p);
            if (pid == 0 && pat is null && TsBytes.PayloadUnitStart(p))
            {
                pat = p.ToArray();
                pmtPid = FirstProgramPid(p);
            }
            else if (pid == pmtPid && pmt is null && TsBytes.PayloadUnitStart(p))
            {
                pmt = p.ToArray();
                videoPid = H264Pid(p);
            }

            if (TsBytes.HasPcr(p))
            {
                var pcr = TsBytes.PcrBase(p);
                if (lastPcrIndex >= 0)
                {
                    ticksPerPacket = (double)(pcr - lastPcr) / (i - lastPcrIndex);
                    for (var j = lastPcrIndex + 1; j < i; j++)
                    {
                        times[j] = lastPcr + (long)((j - lastPcrIndex) * ticksPerPacket);
                    }
                }
                else
                {
                    for (var j = 0; j < i; j++)
                    {
                        times[j] = pcr;
                    }
                }

                times[i] = pcr;
                lastPcr = pcr;
                lastPcrIndex = i;
            }
        }

        if (pat is null || pmt is null || videoPid < 0 || lastPcrIndex < 0)
        {
            throw new InvalidOperationException("The clip has no PAT, PMT with an H.264 stream, or PCR.");
        }

        for (var j = lastPcrIndex + 1; j < count; j++)
        {
            times[j] = lastPcr + (long)((j - lastPcrIndex) * ticksPerPacket);
        }

        var target = (long)(segmentTarget.TotalMilliseconds * 90);
        var segments = new List<ClipSegment>();
        var current = new List<int>();
        long segmentPts = -1, firstPts = -1, lastVideoPts = -1, firstTime = -1;
        for (var i = 0; i < count; i++)
        {
            var p = ts.AsSpan(i * TsBytes.PacketSize, TsBytes.PacketSize);
            var pid = TsBytes.Pid(p);
            if (pid == 0x1FFF)
            {
                continue;
            }

            if (pid == videoPid && TsBytes.PayloadUnitStart(p))
            {
                var pts = TsBytes.PesPts(p);
                if (TsBytes.RandomAccess(p) && pts >= 0 && (segmentPts < 0 || pts - segmentPts >= target - 1800))
                {
                    if (segmentPts >= 0)
                    {
                        segments.Add(Build(ts, current, times, firstTime, segmentPts));
                        current.Clear();
                    }
                    else
                    {
                        firstPts = pts;
                        firstTime = times[i];
                    }

                    segmentPts = pts;
                }

                if (pts >= 0 && segmentPts >= 0)
                {
                    lastVideoPts = pts;
                }
            }

            if (segmentPts >= 0)
            {
                current.Add(i);
            }
        }

        if (current.Count > 0)
        {
            segments.Add(Build(ts, current, times, firstTime, segmentPts));
        }

        if (segments.Count < 2)
        {
            throw new InvalidOperationException("The clip gave fewer than two segments; make it longer.");
        }

        var loopTicks = lastVideoPts - firstPts + 3600;
        return new TsClip(pat, pmt, videoPid, segments, loopTicks, segments.Sum(s => (long)s.Packets.Length));
    }

    private static ClipSegment Build(byte[] ts, List<int> indexes, long[] times, long firstTime, long startPts)
    {
        var bytes = new byte[indexes.Count * TsBytes.PacketSize];
        var ticks = new long[indexes.Count];
        for (var k = 0; k < indexes.Count; k++)
        {
            ts.AsSpan(indexes[k] * TsBytes.PacketSize, TsBytes.PacketSize).CopyTo(bytes.AsSpan(k * TsBytes.PacketSize));
            ticks[k] = times[indexes[k]] - firstTime;
        }

        return new ClipSegment(bytes, startPts, ticks);
    }

    /// <summary>The PMT PID of the first program in a PAT packet.</summary>
    private static int FirstProgramPid(ReadOnlySpan<byte> p)
    {
        var o = TsBytes.PayloadOffset(p);
        var s = o + 1 + p[o];
        var sectionEnd = s + 3 + (((p[s + 1] & 0x0F) << 8) | p[s + 2]) - 4;
        for (var e = s + 8; e + 4 <= sectionEnd; e += 4)
        {
            var program = (p[e] << 8) | p[e + 1];
            if (program != 0)
            {
                return ((p[e + 2] & 0x1F) << 8) | p[e + 3];
            }
        }

        throw new InvalidOperationException("The clip's PAT names no program.");
    }

    /// <summary>The PID of the H.264 stream (type 0x1B) in a PMT packet.</summary>
    private static int H264Pid(ReadOnlySpan<byte> p)
    {
        var o = TsBytes.PayloadOffset(p);
        var s = o + 1 + p[o];
        var sectionEnd = s + 3 + (((p[s + 1] & 0x0F) << 8) | p[s + 2]) - 4;
        var e = s + 12 + (((p[s + 10] & 0x0F) << 8) | p[s + 11]);
        while (e + 5 <= sectionEnd)
        {
            var pid = ((p[e + 1] & 0x1F) << 8) | p[e + 2];
            if (p[e] == 0x1B)
            {
                return pid;
            }

            e += 5 + (((p[e + 3] & 0x0F) << 8) | p[e + 4]);
        }

        throw new InvalidOperationException("The clip's PMT has no H.264 stream.");
    }
}
