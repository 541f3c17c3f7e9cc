using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Edge.Devices;
using TiepCongDan.Edge.Media.Adaptation;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Media.Encoders;
using TiepCongDan.Edge.Media.Live;
using TiepCongDan.Edge.Media.Recording;
using TiepCongDan.Edge.Media.Upload;
using TiepCongDan.Edge.Media.Uplink;
using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Media.Session;

/// <summary>
/// Runs the kiosk's media: one session at a time, each wiring ffmpeg's MPEG-TS into the encrypted
/// local recording and, from there, the same bytes into the SRT uplink; link samples drive the
/// bitrate ladder; the uploader fills the hub's archive from the local copy in the background
/// (also with sessions left from before a restart). The recording never waits for the network:
/// the uplink's Send only queues. Thread-safe.
/// </summary>
public sealed partial class MediaService : IMediaNode, IHostedService, IAsyncDisposable
{
    private readonly EdgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly Func<TimeSpan?> _hubRtt;
    private readonly FfmpegSupervisorOptions? _encoderOptions;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MediaRecorder? _recorder;
    private SegmentUploader? _uploader;
    private volatile ActiveSession? _session;
    private StorageLevel _storageLevel = StorageLevel.Ok;
    private string _lastFailure = string.Empty;
    private int _disposed;

    public MediaService(EdgeOptions options, TimeProvider time, ILoggerFactory loggers, Func<TimeSpan?>? hubRtt = null, FfmpegSupervisorOptions? encoderOptions = null)
    {
        _options = options;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger("TiepCongDan.Edge.Media");
        _hubRtt = hubRtt ?? (() => null);
        _encoderOptions = encoderOptions;
    }

    /// <summary>The running session's id, or null.</summary>
    public string? CurrentSessionId => _session?.Id;

    /// <summary>Called with each session's capture settings before its encoder is built (the simulation console's camera and microphone faults); null on a kiosk.</summary>
    public Action<CaptureSettings>? CaptureSettingsCreated { get; init; }

    /// <summary>
    /// Where the kiosk page reads the running session's officials' stream and self-view; null on a
    /// kiosk without a page (nothing is fetched from the bridge then).
    /// </summary>
    public KioskLiveMedia? LiveMedia { get; init; }

    /// <summary>Why the last session stopped on its own (full disk, write error), or empty.</summary>
    public string LastFailure => _lastFailure;

    public MediaRecorder Recorder => _recorder ?? throw new InvalidOperationException("The media service has not started.");

    public SegmentUploader Uploader => _uploader ?? throw new InvalidOperationException("The media service has not started.");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Media.Enabled)
        {
            return Task.CompletedTask;
        }

        _recorder = MediaRecorder.Open(MediaSettingsFactory.Recorder(_options), _time, _loggers.CreateLogger("TiepCongDan.Edge.Media.Recording"));
        MediaServiceLog.StoreOpened(_logger, _recorder.Directory, _recorder.PendingSessions().Count);
        _uploader = new SegmentUploader(_recorder, MediaSettingsFactory.Uploader(_options), _time, _loggers.CreateLogger("TiepCongDan.Edge.Media.Upload"));
        _uploader.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A service stop ends the session cleanly: the local copy is complete and is uploaded after the restart.
        await StopSessionAsync(cancellationToken);
        if (_uploader is not null)
        {
            await _uploader.DisposeAsync();
            _uploader = null;
        }
    }

    public async Task<string> StartSessionAsync(string? sessionId, CancellationToken cancellationToken)
    {
        var recorder = Recorder;
        if (sessionId is not null && !MediaSessionId.IsValid(sessionId))
        {
            throw new ArgumentException($"'{sessionId}' is not a session id.", nameof(sessionId));
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_session is { } running)
            {
                return running.Id;
            }

            var storage = recorder.Storage();
            if (storage.Level == StorageLevel.Full)
            {
                MediaServiceLog.StoreFull(_logger, storage.FreeBytes, _options.Media.Store.ReserveBytes);
                throw new InvalidOperationException("Bộ nhớ của điểm cầu đã đầy: không thể ghi phiên mới cho đến khi trung tâm nhận đủ các phiên trước.");
            }

            var now = _time.GetUtcNow();
            var id = sessionId ?? MediaSessionId.New(_options.KioskId, now);
            var ladder = MediaSettingsFactory.Ladder(_options);
            var adaptation = new AdaptationController(ladder, MediaSettingsFactory.Adaptation(_options), _time);
            var recording = recorder.BeginSession(id, _options.KioskId, now.ToUnixTimeMilliseconds());
            var uplinkSettings = MediaSettingsFactory.Uplink(_options, id, _hubRtt());
            var uplink = new SrtUplink(uplinkSettings, _time, _loggers.CreateLogger("TiepCongDan.Edge.Media.Uplink"));
            var live = LiveMedia;
            OfficialsReturnReceiver? officials = null;
            if (live is null)
            {
                recording.LiveOutput = uplink.Send;
            }
            else
            {
                // The self-view is the picture as it goes to the hub: no second encode on the Pi.
                live.SelfView.Begin(id);
                live.Officials.Begin(id);
                recording.LiveOutput = packets =>
                {
                    uplink.Send(packets);
                    live.SelfView.Publish(packets);
                };
                if (MediaSettingsFactory.Return(_options, id, _hubRtt()) is { } returnSettings)
                {
                    officials = new OfficialsReturnReceiver(returnSettings, live.Officials, _time, _loggers.CreateLogger("TiepCongDan.Edge.Media.Live"));
                }
            }

            var encoder = new FfmpegSupervisor(
                CreateCaptureSettings(),
                MediaSettingsFactory.Encode(_options, adaptation.CurrentRung),
                _time,
                _loggers.CreateLogger("TiepCongDan.Edge.Media.Encoder"),
                recording.Write,
                _encoderOptions);
            var session = new ActiveSession(recording, uplink, encoder, adaptation, now) { Return = officials };
            encoder.ProcessStarted += (_, _) => OnEncoderStarted(session);
            recording.SegmentClosed += _ => OnSegmentClosed(session);
            recording.Failed += reason => OnRecordingFailed(session, reason);
            if (_options.Media.Adaptation)
            {
                uplink.Sampled += sample => OnLinkSample(session, sample);
            }

            _session = session;
            _lastFailure = string.Empty;
            uplink.Start();
            officials?.Start();
            encoder.Start();
            MediaServiceLog.SessionStarted(_logger, id, _options.Media.Source, _options.Media.CaptureWidth, _options.Media.CaptureHeight, _options.Media.Fps,
                adaptation.CurrentRung.ToString(), uplinkSettings.Host, uplinkSettings.Port, uplinkSettings.LatencyMs ?? 0);
            return id;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopSessionAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EndSessionAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Idempotent: the container disposes the service once per registration (singleton and hosted service).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync(CancellationToken.None);
        _recorder?.Dispose();
        _recorder = null;
    }

    /// <summary>Stops the encoder first (its last bytes reach the recording), then closes the recording, then the link.</summary>
    private async Task EndSessionAsync()
    {
        if (_session is not { } session)
        {
            return;
        }

        await session.Encoder.DisposeAsync();
        if (!session.Recording.IsCompleted)
        {
            session.Recording.Complete(_time.GetUtcNow().ToUnixTimeMilliseconds());
        }

        // Give the link a moment to deliver what is queued; what it cannot, the upload brings.
        if (!await session.Uplink.DrainAsync(TimeSpan.FromSeconds(2)))
        {
            MediaServiceLog.UplinkNotDrained(_logger, session.Uplink.QueuedBytes, session.Id);
        }

        await session.Uplink.DisposeAsync();
        if (session.Return is { } officials)
        {
            await officials.DisposeAsync();
        }

        LiveMedia?.SelfView.End();
        LiveMedia?.Officials.End();
        _session = null;
        MediaServiceLog.SessionEnded(_logger, session.Id, (_time.GetUtcNow() - session.StartedAt).TotalSeconds,
            session.Recording.VideoFrames, session.Recording.Segments, session.Encoder.Restarts, session.Uplink.DroppedBytes);
        _uploader?.Trigger();
    }

    private void OnEncoderStarted(ActiveSession session)
    {
        session.DroppedBefore += session.Encoder.Health.DroppedFrames;
        session.Recording.ForceCut();
    }

    private void OnSegmentClosed(ActiveSession session)
    {
        _uploader?.Trigger();
        var storage = Recorder.Storage();
        if (storage.Level != _storageLevel)
        {
            _storageLevel = storage.Level;
            MediaServiceLog.StorageLevelChanged(_logger, storage.Level.ToString().ToLowerInvariant(), storage.FreeBytes, storage.PendingBytes);
        }

        if (storage.Level == StorageLevel.Full)
        {
            OnRecordingFailed(session, "Bộ nhớ của điểm cầu đã đầy: dừng ghi để không mất dữ liệu đã ghi.");
        }
    }

    /// <summary>The disk is full or failing: stop capturing (never delete unconfirmed media), keep what was recorded.</summary>
    private void OnRecordingFailed(ActiveSession session, string reason)
    {
        _lastFailure = reason;
        MediaServiceLog.RecordingFailed(_logger, session.Id, reason);
        _ = Task.Run(async () =>
        {
            await _gate.WaitAsync();
            try
            {
                if (ReferenceEquals(_session, session))
                {
                    await EndSessionAsync();
                }
            }
            finally
            {
                _gate.Release();
            }
        });
    }

    private void OnLinkSample(ActiveSession session, SrtLinkSample sample)
    {
        if (session.Adaptation.Observe(sample) is not { } decision)
        {
            return;
        }

        MediaServiceLog.LadderChanged(_logger, decision.Direction.ToString().ToLowerInvariant(), decision.Rung.ToString(), session.Id, decision.Reason);
        _ = RestartEncoderAsync(session);
    }

    /// <summary>
    /// Restarts the running session's encoder on its current rung, so it reads its capture settings
    /// again (the simulation console's camera unplug or silenced microphone); nothing without a session.
    /// </summary>
    public Task RestartEncoderAsync() => _session is { } session ? RestartEncoderAsync(session) : Task.CompletedTask;

    private Task RestartEncoderAsync(ActiveSession session) => Task.Run(async () =>
    {
        await session.Restarting.WaitAsync();
        try
        {
            if (ReferenceEquals(_session, session))
            {
                await session.Encoder.RestartAsync(MediaSettingsFactory.Encode(_options, session.Adaptation.CurrentRung));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            MediaServiceLog.LadderRestartFailed(_logger, ex, session.Id);
        }
        finally
        {
            session.Restarting.Release();
        }
    });

    private CaptureSettings CreateCaptureSettings()
    {
        var capture = MediaSettingsFactory.Capture(_options);
        CaptureSettingsCreated?.Invoke(capture);
        return capture;
    }
}
