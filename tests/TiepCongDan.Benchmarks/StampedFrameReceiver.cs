using System.Diagnostics;
using System.Globalization;
using TiepCongDan.Contracts.Media;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.Benchmarks;

/// <summary>
/// A live SRT listener that decodes as it receives (ffmpeg, low-delay flags, only the stamp strip
/// as 8-bit gray on stdout) and reads each picture's <see cref="FrameStamp"/> the moment it arrives.
/// Not a <see cref="ChildProcess"/> because its stdout is binary; killed by PID on dispose.
/// </summary>
public sealed class StampedFrameReceiver : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TimeProvider _time;
    private readonly int _width;
    private readonly int _strip;
    private readonly List<StampedFrame> _frames = [];
    private readonly TaskCompletionSource<StampedFrame> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reader;
    private int _unreadable;

    private StampedFrameReceiver(Process process, TimeProvider time, int width)
    {
        _process = process;
        _time = time;
        _width = width;
        _strip = FrameStamp.StripHeight(width);
        _reader = Task.Run(ReadAsync);
    }

    public OutputRingBuffer Log { get; } = new(50);

    /// <summary>The first picture that carried a readable stamp.</summary>
    public Task<StampedFrame> FirstFrame => _first.Task;

    public int Unreadable => Volatile.Read(ref _unreadable);

    public IReadOnlyList<StampedFrame> Frames
    {
        get
        {
            lock (_frames)
            {
                return [.. _frames];
            }
        }
    }

    public static StampedFrameReceiver Start(int port, string passphrase, int latencyMs, int width, TimeProvider time)
    {
        var url = string.Create(CultureInfo.InvariantCulture,
            $"srt://127.0.0.1:{port}?mode=listener&passphrase={passphrase}&pbkeylen=32&latency={latencyMs * 1000}");
        var strip = FrameStamp.StripHeight(width).ToString(CultureInfo.InvariantCulture);
        var info = new ProcessStartInfo("/usr/bin/ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -analyzeduration 1 (µs), not 0: ffmpeg reads 0 as "the default", which held the first
        // picture back about 2 s while it probed. -flush_packets 1: a frame leaves ffmpeg's output
        // buffer at once, not with the next one. -vsync passthrough: with so little probing the frame
        // rate is unknown, and a constant-rate output would repeat pictures to fill it.
        foreach (var a in new[]
                 {
                     "-hide_banner", "-loglevel", "error", "-fflags", "nobuffer", "-flags", "low_delay", "-probesize", "32768",
                     "-analyzeduration", "1", "-i", url, "-map", "0:v:0", "-vf", $"crop=iw:{strip}:0:0",
                     "-vsync", "passthrough", "-f", "rawvideo", "-pix_fmt", "gray", "-flush_packets", "1", "-",
                 })
        {
            info.ArgumentList.Add(a);
        }

        if (!File.Exists(info.FileName))
        {
            throw new InvalidOperationException("ffmpeg is missing: install Debian's ffmpeg (apt-get install ffmpeg).");
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg (decoding receiver) did not start.");
        var receiver = new StampedFrameReceiver(process, time, width);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                receiver.Log.Append(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return receiver;
    }

    public string Describe() => $"--- decoding receiver (pid {_process.Id}) ---\n{Log}\n--- end ---";

    /// <summary>Kills the decoder by PID and waits for the reader to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // exited on its own meanwhile
        }

        await _reader;
        _process.Dispose();
    }

    private async Task ReadAsync()
    {
        var frame = new byte[_width * _strip];
        var stream = _process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var read = 0;
                while (read < frame.Length)
                {
                    var n = await stream.ReadAsync(frame.AsMemory(read));
                    if (n == 0)
                    {
                        return;
                    }

                    read += n;
                }

                var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
                if (FrameStamp.TryRead(frame, _width, _strip, out var stamp))
                {
                    var stamped = new StampedFrame(now, stamp);
                    lock (_frames)
                    {
                        _frames.Add(stamped);
                    }

                    _first.TrySetResult(stamped);
                }
                else
                {
                    Interlocked.Increment(ref _unreadable);
                }
            }
        }
        catch (IOException)
        {
            // the pipe broke when the decoder was killed
        }
        finally
        {
            _first.TrySetException(new InvalidOperationException("the decoding receiver ended before any stamped frame arrived.\n" + Describe()));
        }
    }
}
