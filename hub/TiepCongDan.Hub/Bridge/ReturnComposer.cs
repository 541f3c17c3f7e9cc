using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// A supervised ffmpeg child composing several officials into one TS for a kiosk that shows one
/// picture: each official's TS goes in through a local UDP port, the composite comes back on
/// another (1316-byte datagrams), and every datagram is handed to <c>onOutput</c>. ffmpeg is
/// restarted with back-off if it dies while the composer lives. Thread safety: <see cref="Feed"/>
/// from one thread per input; <see cref="CpuTime"/> from anywhere.
/// </summary>
public sealed class ReturnComposer : IDisposable
{
    private readonly string _sessionId;
    private readonly BridgeOptions _options;
    private readonly Action<TsMessage> _onOutput;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Socket _toFfmpeg = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Socket _fromFfmpeg = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint[] _inputs;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _supervisor;
    private readonly Thread _reader;
    private readonly Lock _processGate = new();
    private Process? _process;
    private TimeSpan _cpuOfEndedRuns;
    private int _starts;

    public ReturnComposer(string sessionId, int inputs, BridgeOptions options, Action<TsMessage> onOutput, TimeProvider time, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 2);
        _sessionId = sessionId;
        _options = options;
        _onOutput = onOutput;
        _time = time;
        _logger = logger;
        _fromFfmpeg.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _fromFfmpeg.ReceiveBufferSize = 4 << 20;
        _inputs = [.. Enumerable.Range(0, inputs).Select(_ => new IPEndPoint(IPAddress.Loopback, FreeUdpPort()))];
        _supervisor = new Thread(Supervise) { IsBackground = true, Name = $"composer {sessionId}" };
        _reader = new Thread(ReadOutput) { IsBackground = true, Name = $"composer out {sessionId}" };
        _supervisor.Start();
        _reader.Start();
    }

    public int Inputs => _inputs.Length;

    /// <summary>How many times ffmpeg was started (1 while all is well).</summary>
    public int Starts => Volatile.Read(ref _starts);

    /// <summary>CPU the ffmpeg children used so far (user + system), the cost of composing this session.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            lock (_processGate)
            {
                var running = TimeSpan.Zero;
                try
                {
                    if (_process is { HasExited: false } p)
                    {
                        p.Refresh();
                        running = p.TotalProcessorTime;
                    }
                }
                catch (InvalidOperationException)
                {
                    // exited between the check and the read
                }

                return _cpuOfEndedRuns + running;
            }
        }
    }

    /// <summary>One official's TS bytes (any length up to 64 KB) into input <paramref name="index"/>.</summary>
    public void Feed(int index, ReadOnlySpan<byte> ts)
    {
        try
        {
            _ = _toFfmpeg.SendTo(ts, SocketFlags.None, _inputs[index]);
        }
        catch (SocketException)
        {
            // ffmpeg not listening yet (restarting): the input resumes at the next keyframe.
        }
        catch (ObjectDisposedException)
        {
            // stopping
        }
    }

    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _stop.Cancel();
        Kill();
        _fromFfmpeg.Dispose();
        _toFfmpeg.Dispose();
        _ = _supervisor.Join(TimeSpan.FromSeconds(5));
        _ = _reader.Join(TimeSpan.FromSeconds(5));
    }

    internal IReadOnlyList<string> Arguments()
    {
        var args = new List<string> { "-hide_banner", "-loglevel", "error", "-nostdin" };
        foreach (var input in _inputs)
        {
            args.AddRange(["-thread_queue_size", "1024", "-analyzeduration", "1000000", "-probesize", "1000000",
                "-i", $"udp://127.0.0.1:{input.Port.ToString(CultureInfo.InvariantCulture)}?fifo_size=1000000&overrun_nonfatal=1"]);
        }

        var output = (IPEndPoint)_fromFfmpeg.LocalEndPoint!;
        args.AddRange(["-filter_complex", ComposeLayout.FilterGraph(_inputs.Length, _options.ComposeLayout, _options.ComposeWidth, _options.ComposeHeight),
            "-map", "[v]", "-map", "[a]",
            "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-pix_fmt", "yuv420p", "-g", "50",
            "-b:v", $"{_options.ComposeVideoKbps.ToString(CultureInfo.InvariantCulture)}k",
            "-maxrate", $"{_options.ComposeVideoKbps.ToString(CultureInfo.InvariantCulture)}k",
            "-bufsize", $"{(_options.ComposeVideoKbps / 2).ToString(CultureInfo.InvariantCulture)}k",
            "-c:a", "aac", "-b:a", "96k", "-ar", "48000",
            "-f", "mpegts", "-flush_packets", "1", "-muxdelay", "0",
            $"udp://127.0.0.1:{output.Port.ToString(CultureInfo.InvariantCulture)}?pkt_size=1316"]);
        return args;
    }

    private void Supervise()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            var started = _time.GetTimestamp();
            Process process;
            try
            {
                process = StartProcess();
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                BridgeLog.ComposerFailed(_logger, _sessionId, e);
                Wait(backoff.Next(), token);
                continue;
            }

            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            lock (_processGate)
            {
                try
                {
                    _cpuOfEndedRuns += process.TotalProcessorTime;
                }
                catch (InvalidOperationException)
                {
                    // the process object no longer knows its times
                }

                _process = null;
            }

            var exitCode = process.ExitCode;
            process.Dispose();
            if (token.IsCancellationRequested)
            {
                break;
            }

            if (_time.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
            {
                backoff.Reset();
            }

            var delay = backoff.Next();
            var reason = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no message";
            BridgeLog.ComposerExited(_logger, _sessionId, exitCode, reason, (int)delay.TotalMilliseconds);
            Wait(delay, token);
        }
    }

    private Process StartProcess()
    {
        var info = new ProcessStartInfo(_options.FfmpegPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = false,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments())
        {
            info.ArgumentList.Add(argument);
        }

        lock (_processGate)
        {
            if (_stop.IsCancellationRequested)
            {
                throw new InvalidOperationException("The composer is stopping.");
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException($"{_options.FfmpegPath} did not start.");
            _process = process;
            Interlocked.Increment(ref _starts);
            BridgeLog.ComposerStarted(_logger, _sessionId, _inputs.Length, _options.ComposeLayout, process.Id);
            return process;
        }
    }

    private void ReadOutput()
    {
        var buffer = new byte[65536];
        var messages = new List<TsMessage>();
        while (!_stop.IsCancellationRequested)
        {
            int received;
            try
            {
                received = _fromFfmpeg.Receive(buffer);
            }
            catch (SocketException)
            {
                continue;
            }
            catch (ObjectDisposedException)
            {
                break;
            }

            messages.Clear();
            TsMessageSplitter.Split(buffer.AsSpan(0, received), _time.GetTimestamp(), messages);
            foreach (var message in messages)
            {
                _onOutput(message);
            }
        }
    }

    private void Kill()
    {
        lock (_processGate)
        {
            try
            {
                _process?.Kill();
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
        }
    }

    private void Wait(TimeSpan delay, CancellationToken token)
    {
        try
        {
            Task.Delay(delay, _time, token).Wait(token);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
