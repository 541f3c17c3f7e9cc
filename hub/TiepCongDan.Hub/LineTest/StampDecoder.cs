using System.Diagnostics;
using System.Threading.Channels;
using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Hub.LineTest;

/// <summary>
/// Decodes a live TS (fed packet by packet) with a Debian `ffmpeg` child and reads the frame stamp
/// of every picture: scaled to 640 wide, only the stamp strip is decoded to gray. Packets are copied
/// into a bounded channel so the ingest thread never waits for the decoder.
/// </summary>
internal sealed class StampDecoder : IAsyncDisposable
{
    private const int Width = 640;
    private readonly Process _process;
    private readonly Channel<byte[]> _input = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(4096) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Task _writer;
    private readonly Task _reader;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<(FrameStampValue Stamp, long ArrivedUnixMs)> _stamps = [];

    public StampDecoder(TimeProvider time)
    {
        _time = time;
        var strip = FrameStamp.StripHeight(Width);
        var info = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "-hide_banner", "-loglevel", "quiet", "-f", "mpegts", "-i", "pipe:0",
                     "-map", "0:v:0", "-vf", $"scale={Width}:-2,crop={Width}:{strip}:0:0", "-vsync", "passthrough", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1",
                 })
        {
            info.ArgumentList.Add(a);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start (install Debian's ffmpeg).");
        _writer = Task.Run(WriteAsync);
        _reader = Task.Run(() => ReadAsync(strip));
    }

    public IReadOnlyList<(FrameStampValue Stamp, long ArrivedUnixMs)> Stamps
    {
        get
        {
            lock (_gate)
            {
                return [.. _stamps];
            }
        }
    }

    /// <summary>Called on the ingest thread: copies and returns.</summary>
    public void Feed(ReadOnlySpan<byte> packets) => _input.Writer.TryWrite(packets.ToArray());

    /// <summary>End of stream: lets ffmpeg flush its last pictures, then waits for it (bounded).</summary>
    public async Task CompleteAsync(TimeSpan timeout)
    {
        _input.Writer.TryComplete();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _writer.WaitAsync(cts.Token);
            await _reader.WaitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // A stuck decoder is killed in DisposeAsync; the stamps read so far stand.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _input.Writer.TryComplete();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WriteAsync()
    {
        var stdin = _process.StandardInput.BaseStream;
        try
        {
            await foreach (var chunk in _input.Reader.ReadAllAsync())
            {
                await stdin.WriteAsync(chunk);
            }
        }
        catch (IOException)
        {
            // ffmpeg ended (bad input): the reader reports what was decoded.
        }
        finally
        {
            stdin.Close();
        }
    }

    private async Task ReadAsync(int strip)
    {
        var stdout = _process.StandardOutput.BaseStream;
        var frame = new byte[Width * strip];
        while (true)
        {
            var read = 0;
            while (read < frame.Length)
            {
                var n = await stdout.ReadAsync(frame.AsMemory(read));
                if (n == 0)
                {
                    return;
                }

                read += n;
            }

            if (FrameStamp.TryRead(frame, Width, strip, out var stamp))
            {
                lock (_gate)
                {
                    _stamps.Add((stamp, _time.GetUtcNow().ToUnixTimeMilliseconds()));
                }
            }
        }
    }
}
