using System.Diagnostics;
using System.Text;

namespace TiepCongDan.Edge.Tests.Media.Recording;

/// <summary>Real ffmpeg encodes and ffprobe checks for the recording tests.</summary>
internal static class MediaTestTools
{
    public const int PacketSize = 188;

    private static readonly Lazy<byte[]> Standard = new(() => Encode(12));

    /// <summary>12 s of 320x240 H.264 (keyframe every 2 s) + AAC in MPEG-TS, encoded once per test run.</summary>
    public static byte[] StandardStream => Standard.Value;

    /// <summary>What the kiosk encoder writes to stdout, for <paramref name="seconds"/> of test pattern.</summary>
    public static byte[] Encode(int seconds, string videoBitrate = "", string audioCodec = "aac")
    {
        var bitrate = videoBitrate.Length == 0 ? string.Empty : $"-b:v {videoBitrate} ";
        var result = Run(
            "ffmpeg",
            $"-hide_banner -loglevel error -f lavfi -i testsrc2=size=320x240:rate=25 -f lavfi -i sine=frequency=440:sample_rate=48000 -t {seconds} -c:v libx264 -preset ultrafast -g 50 {bitrate}-c:a {audioCodec} -f mpegts -",
            binaryOutput: true);
        return result.Binary;
    }

    /// <summary>ffprobe's verdict on a file: codec names of its streams and whether its first video frame is a keyframe.</summary>
    public static (string Codecs, string FirstFrame) Probe(string path)
    {
        var streams = Run("ffprobe", $"-v error -show_entries stream=codec_name -of csv=p=0 {path}", binaryOutput: false).Text;
        var frame = Run("ffprobe", $"-v error -select_streams v -read_intervals %+#1 -show_entries frame=key_frame,pict_type -of csv=p=0 {path}", binaryOutput: false).Text;
        return (string.Join(',', streams.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)), frame.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim().TrimEnd(','));
    }

    /// <summary>Feeds a stream in uneven chunks, as a pipe delivers it.</summary>
    public static void WriteInChunks(Action<ReadOnlyMemory<byte>> write, byte[] data, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < data.Length;)
        {
            var n = Math.Min(data.Length - i, random.Next(1, 9000));
            write(data.AsMemory(i, n));
            i += n;
        }
    }

    public static int Pid(ReadOnlySpan<byte> packet) => ((packet[1] & 0x1F) << 8) | packet[2];

    private static (byte[] Binary, string Text) Run(string program, string arguments, bool binaryOutput)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is missing: install Debian's ffmpeg (apt-get install ffmpeg).", e);
        }

        try
        {
            var stderr = process.StandardError.ReadToEndAsync();
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            if (!process.WaitForExit(60_000))
            {
                throw new TimeoutException($"{program} {arguments} did not finish in 60 s");
            }

            Assert.True(process.ExitCode == 0, $"{program} failed: {stderr.Result}");
            return (output.ToArray(), binaryOutput ? string.Empty : Encoding.UTF8.GetString(output.ToArray()));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }
}
