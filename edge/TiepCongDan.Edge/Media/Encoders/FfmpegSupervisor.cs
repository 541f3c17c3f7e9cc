using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Devices;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Sparkplug;

namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>
/// Keeps one ffmpeg running for a session: checks the devices before each start and waits for
/// them (hot-plug), restarts after a crash with exponential back-off and jitter, and restarts on a
/// ladder change with the output timestamps and stamp frame numbers continuing from the session's
/// wall-clock elapsed time (a gap shows as missing frame numbers, never as reused ones).
/// Thread-safe: the readings and <see cref="Health"/> may be read from any thread.
/// </summary>
public sealed partial class FfmpegSupervisor : IAsyncDisposable
{
    private readonly CaptureSettings _capture;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<ReadOnlySpan<byte>> _onOutput;
    private readonly FfmpegSupervisorOptions _options;
    private readonly FfmpegArgumentsFactory _arguments;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _stopping;
    private Task? _loop;
    private EncodeSettings _encode;
    private EncodeSettings? _pendingEncode;
    private TaskCompletionSource _restartRequested = NewSignal();
    private TaskCompletionSource? _restartDone;
    private FfmpegProcess? _current;
    private DeviceReading _camera = DeviceReading.Present;
    private DeviceReading _microphone = DeviceReading.Present;
    private DateTimeOffset? _sessionStart;
    private int _restarts;
    private string _lastFailure = string.Empty;

    public FfmpegSupervisor(CaptureSettings capture, EncodeSettings encode, TimeProvider timeProvider, ILogger logger, Action<ReadOnlySpan<byte>> onOutput, FfmpegSupervisorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(encode);
        capture.Validate();
        _capture = capture;
        _encode = encode.Validated();
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _onOutput = onOutput ?? throw new ArgumentNullException(nameof(onOutput));
        _options = options ?? new FfmpegSupervisorOptions();
        _options.Validate();
        _arguments = _options.Arguments ?? ((c, e, o, d) => FfmpegArguments.Build(c, e, o, analysis: true, d));
    }

    /// <summary>
    /// Raised on the supervisor's loop each time a new ffmpeg starts (first start, crash restart,
    /// ladder change), before any of its output reaches the callback. A handler that throws stops that start.
    /// </summary>
    public event EventHandler<FfmpegStartedEventArgs>? ProcessStarted;

    /// <summary>Absent while the camera is missing; Faulty while the picture is frozen.</summary>
    public DeviceReading CameraReading
    {
        get
        {
            lock (_gate)
            {
                if (_camera.Status == DeviceStatus.Present && _current?.Health.FrozenSince is { } since)
                {
                    return new DeviceReading(DeviceStatus.Faulty, $"Hình camera đứng yên từ {since:HH:mm:ss} UTC (camera frozen): kiểm tra camera.");
                }

                return _camera;
            }
        }
    }

    /// <summary>Absent while the microphone is missing; Faulty while it records silence.</summary>
    public DeviceReading MicrophoneReading
    {
        get
        {
            lock (_gate)
            {
                if (_microphone.Status == DeviceStatus.Present && _current?.Health.SilenceSince is { } since)
                {
                    return new DeviceReading(DeviceStatus.Faulty, $"Micro không thu được âm thanh từ {since:HH:mm:ss} UTC (microphone silent): kiểm tra micro.");
                }

                return _microphone;
            }
        }
    }

    public EncoderHealth Health
    {
        get
        {
            lock (_gate)
            {
                return _current?.Health ?? EncoderHealth.Empty;
            }
        }
    }

    /// <summary>Restarts after ffmpeg stopped on its own (ladder changes are not counted).</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>The pid of the running ffmpeg, null while none runs.</summary>
    public int? CurrentPid
    {
        get
        {
            lock (_gate)
            {
                return _current?.Pid;
            }
        }
    }

    public EncodeSettings CurrentEncode
    {
        get
        {
            lock (_gate)
            {
                return _encode;
            }
        }
    }

    /// <summary>Why the last ffmpeg run ended (Vietnamese), empty when none failed.</summary>
    public string LastFailureReason
    {
        get
        {
            lock (_gate)
            {
                return _lastFailure;
            }
        }
    }

    public void Start()
    {
        lock (_gate)
        {
            if (_loop is not null)
            {
                throw new InvalidOperationException("The ffmpeg supervisor is already started.");
            }

            _stopping = new CancellationTokenSource();
            _loop = Task.Run(() => RunAsync(_stopping.Token));
        }
    }

    /// <summary>Stops the running ffmpeg and starts one with <paramref name="next"/> at once; completes when it has started.</summary>
    public Task RestartAsync(EncodeSettings next)
    {
        ArgumentNullException.ThrowIfNull(next);
        next.Validated();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pendingEncode = next;
            _restartDone?.TrySetCanceled();
            _restartDone = done;
            _restartRequested.TrySetResult();
        }

        FfmpegLog.LadderRestart(_logger, next.Width, next.Height, next.Fps, next.VideoKbps);
        return done.Task;
    }

    public async Task StopAsync()
    {
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
            _stopping?.Cancel();
        }

        if (loop is not null)
        {
            await loop;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping?.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task RunAsync(CancellationToken stopping)
    {
        var attempt = 0;
        var devicesWereAbsent = false;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var resolved = await CheckDevicesAsync(stopping);
                if (resolved.Absent is { } reason)
                {
                    if (!devicesWereAbsent)
                    {
                        FfmpegLog.DeviceAbsent(_logger, reason);
                    }

                    devicesWereAbsent = true;
                    await Task.Delay(_options.DevicePollInterval, _time, stopping);
                    continue;
                }

                if (devicesWereAbsent)
                {
                    FfmpegLog.DevicesBack(_logger);
                    devicesWereAbsent = false;
                }

                var outcome = await RunOnceAsync(resolved.Devices, stopping);
                if (outcome.Kind == RunOutcomeKind.Crashed)
                {
                    attempt = outcome.Ran >= _options.HealthyRun ? 0 : attempt;
                    var delay = ReconnectBackoff.Delay(attempt++, _options.MinRestartDelay, _options.MaxRestartDelay, _options.Random);
                    Interlocked.Increment(ref _restarts);
                    FfmpegLog.Crashed(_logger, outcome.Pid, outcome.ExitCode, outcome.Ran.TotalSeconds, outcome.Reason, Restarts, (long)delay.TotalMilliseconds);
                    await Task.Delay(delay, _time, stopping);
                }
                else if (outcome.Kind == RunOutcomeKind.StartFailed)
                {
                    var delay = ReconnectBackoff.Delay(attempt++, _options.MinRestartDelay, _options.MaxRestartDelay, _options.Random);
                    FfmpegLog.StartFailed(_logger, outcome.Reason, (long)delay.TotalMilliseconds);
                    await Task.Delay(delay, _time, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            FfmpegProcess? last;
            lock (_gate)
            {
                last = _current;
                _current = null;
                _restartDone?.TrySetCanceled(stopping);
            }

            if (last is not null)
            {
                await last.DisposeAsync();
            }

            FfmpegLog.Stopped(_logger);
        }
    }

    private async Task<RunOutcome> RunOnceAsync(ResolvedDevices? devices, CancellationToken stopping)
    {
        EncodeSettings encode;
        TaskCompletionSource restartRequested;
        TaskCompletionSource? restartDone;
        lock (_gate)
        {
            if (_pendingEncode is not null)
            {
                _encode = _pendingEncode;
                _pendingEncode = null;
            }

            encode = _encode with { Encoder = _options.EncoderSelector.Resolve(_encode.Encoder) };
            _restartRequested = NewSignal();
            restartRequested = _restartRequested;
            restartDone = _restartDone;
            _restartDone = null;
        }

        var now = _time.GetUtcNow();
        _sessionStart ??= now;
        var elapsed = now - _sessionStart.Value;
        var offsets = new StreamOffsets(elapsed.TotalSeconds, (long)Math.Round(elapsed.TotalSeconds * _capture.Fps), now.ToUnixTimeMilliseconds());
        var info = new FfmpegStartInfo(_capture.FfmpegPath, _arguments(_capture, encode, offsets, devices), _capture.CameraDevice, devices?.AlsaDevice ?? string.Empty);
        FfmpegProcess process;
        try
        {
            process = FfmpegProcess.Start(info, _onOutput, _time, pid =>
            {
                FfmpegLog.Started(_logger, pid, encode.Width, encode.Height, encode.Fps, encode.VideoKbps, encode.Encoder, offsets.OutputTsOffsetSeconds, offsets.FrameOffset);
                ProcessStarted?.Invoke(this, new FfmpegStartedEventArgs(pid, encode, offsets));
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            lock (_gate)
            {
                _lastFailure = e.Message;
            }

            restartDone?.TrySetException(e);
            return new RunOutcome(RunOutcomeKind.StartFailed, 0, -1, TimeSpan.Zero, e.Message);
        }

        lock (_gate)
        {
            _current = process;
        }

        restartDone?.TrySetResult();
        try
        {
            while (true)
            {
                using var poll = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                var tick = Task.Delay(_options.DevicePollInterval, _time, poll.Token);
                var first = await Task.WhenAny(process.Exited, restartRequested.Task, tick);
                await poll.CancelAsync();
                stopping.ThrowIfCancellationRequested();
                if (first == process.Exited)
                {
                    var reason = process.FailureReason;
                    lock (_gate)
                    {
                        _lastFailure = reason;
                    }

                    return new RunOutcome(RunOutcomeKind.Crashed, process.Pid, await process.Exited, _time.GetUtcNow() - now, reason);
                }

                if (first == restartRequested.Task)
                {
                    await process.StopAsync(_options.StopTimeout);
                    return new RunOutcome(RunOutcomeKind.Restarted, process.Pid, process.ExitCode ?? 0, _time.GetUtcNow() - now, string.Empty);
                }

                if (_capture.Source == CaptureSource.V4l2 && CheckPresence() is not null)
                {
                    // Unplugged: ffmpeg may hang on a dead device rather than exit.
                    await process.StopAsync(_options.StopTimeout);
                    return new RunOutcome(RunOutcomeKind.DeviceLost, process.Pid, process.ExitCode ?? 0, _time.GetUtcNow() - now, string.Empty);
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _current = null;
            }

            await process.DisposeAsync();
        }
    }

    private enum RunOutcomeKind
    {
        Crashed,
        Restarted,
        DeviceLost,
        StartFailed,
    }

    private readonly record struct RunOutcome(RunOutcomeKind Kind, int Pid, int ExitCode, TimeSpan Ran, string Reason);

    private readonly record struct DeviceCheck(string? Absent, ResolvedDevices? Devices);
}
