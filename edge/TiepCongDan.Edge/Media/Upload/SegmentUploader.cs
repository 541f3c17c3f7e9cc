using Microsoft.Extensions.Logging;
using TiepCongDan.Edge.Media.Recording;
using TiepCongDan.Edge.Sparkplug;

namespace TiepCongDan.Edge.Media.Upload;

/// <summary>
/// Fills the hub's archive with the segments the kiosk still holds (SegmentUploadProtocol): per session,
/// oldest first, it declares the session, confirms what the hub already has (from the live stream),
/// and uploads the rest in resumable chunks. Only a hub confirmation lets the catalog delete a segment.
/// Network and hub errors back off with full jitter and retry for ever. <see cref="Trigger"/> and the
/// statistics are thread-safe; the loop itself is single-threaded.
/// </summary>
public sealed class SegmentUploader : IAsyncDisposable
{
    private const string OtherError = "Lỗi không mong đợi khi gửi bản ghi lên hub; kiosk vẫn giữ bản ghi và sẽ tự thử lại.";

    private readonly ISegmentCatalog _catalog;
    private readonly SegmentUploaderSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HubUploadClient _client;
    private readonly UploadRateLimiter _limiter;
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<(string SessionId, int Sequence, string Sha256)> _heldBack = [];
    private readonly Random _random = new();
    private TaskCompletionSource _wake = NewWake();
    private Task? _loop;
    private long _segmentsConfirmed;
    private long _bytesUploaded;
    private int _pendingSegments;
    private int _state;
    private volatile string? _lastError;

    public SegmentUploader(ISegmentCatalog catalog, SegmentUploaderSettings settings, TimeProvider time, ILogger logger, HttpMessageHandler? handler = null)
    {
        settings.Validate();
        _catalog = catalog;
        _settings = settings;
        _time = time;
        _logger = logger;
        _client = new HubUploadClient(settings, handler);
        _limiter = new UploadRateLimiter(settings.MaxBytesPerSecond, time);
    }

    /// <summary>Segments the hub confirmed since start (uploaded or already held).</summary>
    public long SegmentsConfirmed => Interlocked.Read(ref _segmentsConfirmed);

    /// <summary>Bytes the hub accepted from this uploader since start.</summary>
    public long BytesUploaded => Interlocked.Read(ref _bytesUploaded);

    /// <summary>Closed segments still waiting for a confirmation, as of the last look at the catalog.</summary>
    public int PendingSegments => Volatile.Read(ref _pendingSegments);

    /// <summary>The last problem in a sentence for the operator (Vietnamese); null after a clean pass.</summary>
    public string? LastError => _lastError;

    public SegmentUploaderState State => (SegmentUploaderState)Volatile.Read(ref _state);

    public void Start()
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException("The segment uploader is already started.");
        }

        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>A segment closed or a session ended: look at the catalog now rather than at the next poll.</summary>
    public void Trigger() => Interlocked.Exchange(ref _wake, NewWake()).TrySetResult();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        SetState(SegmentUploaderState.Stopped);
        _client.Dispose();
        _stop.Dispose();
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task RunAsync(CancellationToken token)
    {
        var attempt = 0;
        while (!token.IsCancellationRequested)
        {
            // Taken before the pass, so a Trigger during the pass is not lost.
            var wake = Volatile.Read(ref _wake).Task;
            try
            {
                SetState(SegmentUploaderState.Uploading);
                if (await PassAsync(token))
                {
                    _lastError = null;
                }

                attempt = 0;
                SetState(SegmentUploaderState.Idle);
                await WaitForWorkAsync(wake, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _lastError = ex switch
                {
                    HubRefusedException refused => refused.OperatorMessage,
                    HttpRequestException or IOException or OperationCanceledException => OperatorMessages.Network,
                    _ => OtherError,
                };
                var delay = ReconnectBackoff.Delay(attempt++, _settings.RetryMinDelay, _settings.RetryMaxDelay, _random);
                SegmentUploaderLog.RetryLater(_logger, ex.Message, (long)delay.TotalMilliseconds);
                SetState(SegmentUploaderState.WaitingToRetry);
                try
                {
                    await Task.Delay(delay, _time, token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task WaitForWorkAsync(Task wake, CancellationToken token)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(token);
        var delay = Task.Delay(_settings.IdlePollInterval, _time, poll.Token);
        await Task.WhenAny(wake, delay);
        await poll.CancelAsync();
        token.ThrowIfCancellationRequested();
    }

    /// <summary>One look at every pending session; true when nothing was held back.</summary>
    private async Task<bool> PassAsync(CancellationToken token)
    {
        var sessions = _catalog.PendingSessions();
        Volatile.Write(ref _pendingSegments, sessions.Sum(s => _catalog.PendingSegments(s.SessionId).Count));
        var clean = true;
        foreach (var session in sessions)
        {
            token.ThrowIfCancellationRequested();
            clean &= await UploadSessionAsync(session, token);
        }

        return clean;
    }

    private async Task<bool> UploadSessionAsync(SessionRecord session, CancellationToken token)
    {
        await _client.DeclareAsync(session, token);
        var held = (await _client.ConfirmedAsync(session.SessionId, token)).ToDictionary(s => s.Sequence);
        var clean = true;
        foreach (var segment in _catalog.PendingSegments(session.SessionId))
        {
            token.ThrowIfCancellationRequested();
            if (held.TryGetValue(segment.Sequence, out var archived))
            {
                if (string.Equals(archived.Sha256, segment.Sha256, StringComparison.OrdinalIgnoreCase) && archived.Bytes == segment.Bytes)
                {
                    Confirm(segment, "already held by the hub");
                }
                else
                {
                    SegmentUploaderLog.Conflict(_logger, segment.SessionId, segment.Sequence);
                    HoldBack(segment, OperatorMessages.Rejected);
                    clean = false;
                }

                continue;
            }

            if (_heldBack.Contains(KeyOf(segment)))
            {
                clean = false;
                continue;
            }

            clean &= await UploadSegmentAsync(segment, token);
        }

        if (session.EndedAtMs is not null && !session.EndDeclared)
        {
            // The PUT above carried the end; the catalog drops the session once its last segment is confirmed.
            _catalog.MarkEndDeclared(session.SessionId);
            SegmentUploaderLog.EndDeclared(_logger, session.SessionId);
        }

        return clean;
    }

    /// <summary>Uploads one segment from the hub's offset on; false when the segment is held back.</summary>
    private async Task<bool> UploadSegmentAsync(SegmentRecord segment, CancellationToken token)
    {
        var offset = await _client.OffsetAsync(segment.SessionId, segment.Sequence, token);
        if (offset > 0)
        {
            SegmentUploaderLog.Resuming(_logger, segment.SessionId, segment.Sequence, offset);
        }

        var restarted = false;
        var buffer = new byte[_settings.ChunkBytes];
        var reader = new SegmentReader(_catalog, segment);
        try
        {
            while (true)
            {
                if (offset > segment.Bytes)
                {
                    SegmentUploaderLog.Rejected(_logger, segment.SessionId, segment.Sequence, 409);
                    HoldBack(segment, OperatorMessages.Rejected);
                    return false;
                }

                var count = (int)Math.Min(buffer.Length, segment.Bytes - offset);
                await reader.ReadAsync(offset, buffer.AsMemory(0, count), token);
                await _limiter.WaitAsync(count, token);
                var reply = await _client.PatchAsync(segment, offset, buffer.AsMemory(0, count), token);
                switch (reply.StatusCode)
                {
                    case 204:
                        Interlocked.Add(ref _bytesUploaded, count);
                        offset = reply.Offset ?? offset + count;
                        continue;
                    case 201:
                        Interlocked.Add(ref _bytesUploaded, count);
                        Confirm(segment, "uploaded");
                        return true;
                    case 200:
                        Confirm(segment, "already confirmed");
                        return true;
                    case 409 when reply.Offset is { } hubOffset:
                        SegmentUploaderLog.Resuming(_logger, segment.SessionId, segment.Sequence, hubOffset);
                        offset = hubOffset;
                        continue;
                    case 422 when !restarted:
                        // The hub discarded what it had; one fresh attempt tells a transfer fault from a bad file.
                        restarted = true;
                        offset = 0;
                        continue;
                    default:
                        SegmentUploaderLog.Rejected(_logger, segment.SessionId, segment.Sequence, reply.StatusCode);
                        HoldBack(segment, OperatorMessages.Rejected);
                        return false;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            SegmentUploaderLog.Unreadable(_logger, segment.SessionId, segment.Sequence, ex);
            HoldBack(segment, OperatorMessages.Corrupt);
            return false;
        }
        finally
        {
            await reader.DisposeAsync();
        }
    }

    private void Confirm(SegmentRecord segment, string how)
    {
        _catalog.MarkConfirmed(segment.SessionId, segment.Sequence);
        Interlocked.Increment(ref _segmentsConfirmed);
        if (Interlocked.Decrement(ref _pendingSegments) < 0)
        {
            Interlocked.Exchange(ref _pendingSegments, 0);
        }

        SegmentUploaderLog.Confirmed(_logger, segment.SessionId, segment.Sequence, how);
    }

    /// <summary>Keeps the segment on the kiosk and stops retrying it until the service restarts.</summary>
    private void HoldBack(SegmentRecord segment, string operatorMessage)
    {
        _heldBack.Add(KeyOf(segment));
        _lastError = operatorMessage;
    }

    private static (string, int, string) KeyOf(SegmentRecord segment) => (segment.SessionId, segment.Sequence, segment.Sha256);

    private void SetState(SegmentUploaderState state) => Volatile.Write(ref _state, (int)state);
}
