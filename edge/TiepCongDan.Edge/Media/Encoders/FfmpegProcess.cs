using System.ComponentModel;
using System.Diagnostics;

namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>
/// One running ffmpeg child (no shell). Its stdout (MPEG-TS) is read on a dedicated thread in
/// 64 KiB buffers straight into the caller's callback, which must be fast: while it runs, ffmpeg
/// waits. Stderr lines feed <see cref="Health"/> and the failure reason. Thread-safe to read
/// from any thread; <see cref="StopAsync"/> may be called more than once.
/// </summary>
public sealed class FfmpegProcess : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;
    private const int KeptLines = 30;

    private readonly Process _process;
    private readonly FfmpegStartInfo _info;
    private readonly Action<ReadOnlySpan<byte>> _onOutput;
    private readonly EncoderHealthTracker _health;
    private readonly Queue<string> _lastLines = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _stdoutReader;
    private readonly Thread _stderrReader;
    private string _outputFailure = string.Empty;

    private FfmpegProcess(Process process, FfmpegStartInfo info, Action<ReadOnlySpan<byte>> onOutput, TimeProvider timeProvider)
    {
        _process = process;
        _info = info;
        _onOutput = onOutput;
        _health = new EncoderHealthTracker(timeProvider);
        Pid = process.Id;
        _stdoutReader = new Thread(ReadStdout) { IsBackground = true, Name = $"ffmpeg-{Pid}-stdout" };
        _stderrReader = new Thread(ReadStderr) { IsBackground = true, Name = $"ffmpeg-{Pid}-stderr" };
    }

    public int Pid { get; }

    public EncoderHealth Health => _health.Snapshot;

    /// <summary>Completes with the exit code once ffmpeg has exited and both pipes are drained.</summary>
    public Task<int> Exited => _exited.Task;

    public int? ExitCode => _exited.Task.IsCompletedSuccessfully ? _exited.Task.Result : null;

    /// <summary>The last stderr lines (at most 30), oldest first.</summary>
    public IReadOnlyList<string> LastLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lastLines];
            }
        }
    }

    /// <summary>Why ffmpeg stopped, in Vietnamese for a technician (empty while it runs).</summary>
    public string FailureReason
    {
        get
        {
            if (ExitCode is not { } code)
            {
                return string.Empty;
            }

            return _outputFailure.Length > 0
                ? $"Bộ nhận luồng ghi hình bị lỗi, ffmpeg bị dừng: {_outputFailure}"
                : FfmpegFailureExplainer.Explain(LastLines, code, _info.CameraPath, _info.MicrophoneDevice);
        }
    }

    /// <summary>
    /// Starts ffmpeg; throws when the program cannot be started (naming the Debian package).
    /// <paramref name="beforeOutput"/> gets the pid before the first output byte is handed over, so a
    /// segmenter can cut exactly where the new stream begins.
    /// </summary>
    public static FfmpegProcess Start(FfmpegStartInfo info, Action<ReadOnlySpan<byte>> onOutput, TimeProvider timeProvider, Action<int>? beforeOutput = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(onOutput);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var start = new ProcessStartInfo(info.FfmpegPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in info.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{info.FfmpegPath} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot start '{info.FfmpegPath}': install Debian's ffmpeg (apt-get install ffmpeg).", e);
        }

        var ffmpeg = new FfmpegProcess(process, info, onOutput, timeProvider);
        try
        {
            beforeOutput?.Invoke(ffmpeg.Pid);
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }

        ffmpeg._stdoutReader.Start();
        ffmpeg._stderrReader.Start();
        _ = ffmpeg.WatchExitAsync();
        return ffmpeg;
    }

    /// <summary>'q' on stdin (ffmpeg finishes its output), then SIGTERM, then SIGKILL, each after half the timeout.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_exited.Task.IsCompleted)
        {
            return;
        }

        var half = timeout / 2;
        try
        {
            await _process.StandardInput.WriteAsync('q');
            await _process.StandardInput.FlushAsync();
        }
        catch (IOException)
        {
            // stdin closed: ffmpeg is already on its way out.
        }

        if (await ExitsWithin(half))
        {
            return;
        }

        PosixSignal.Send(Pid, PosixSignal.SigTerm);
        if (await ExitsWithin(half))
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _exited.Task;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(TimeSpan.FromSeconds(4));
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task<bool> ExitsWithin(TimeSpan timeout)
    {
        try
        {
            await _exited.Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task WatchExitAsync()
    {
        await _process.WaitForExitAsync();
        // The pipes close when the process goes; wait for the readers to hand over the last bytes.
        await Task.Run(() =>
        {
            _stdoutReader.Join();
            _stderrReader.Join();
        });
        _exited.TrySetResult(_process.ExitCode);
    }

    private void ReadStdout()
    {
        var buffer = new byte[BufferSize];
        var stream = _process.StandardOutput.BaseStream;
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                _onOutput(buffer.AsSpan(0, read));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A failing consumer must not leave ffmpeg blocked on a full pipe.
            _outputFailure = e.Message;
            try
            {
                _process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }
    }

    private void ReadStderr()
    {
        var reader = _process.StandardError;
        while (reader.ReadLine() is { } line)
        {
            _health.Observe(line);
            lock (_gate)
            {
                _lastLines.Enqueue(line);
                if (_lastLines.Count > KeptLines)
                {
                    _lastLines.Dequeue();
                }
            }
        }
    }
}
