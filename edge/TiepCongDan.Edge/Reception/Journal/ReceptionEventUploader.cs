using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Media.Upload;
using TiepCongDan.Edge.Sparkplug;

namespace TiepCongDan.Edge.Reception.Journal;

/// <summary>
/// Carries the journal's events to the hub, oldest first, in batches of <see cref="ReceptionProtocol.MaxBatch"/>.
/// A receipt marks acknowledged everything at or below the hub's highest seq per session. A batch the
/// hub refuses as content (4xx) is resent one event at a time so one bad event cannot hold back the
/// rest; an event refused alone is parked for good. Network errors, 401/403/408/429 and 5xx back off
/// (full jitter between the retry delays) and retry for ever. An <see cref="SqliteReceptionJournal.Append"/>
/// wakes the loop at once. The statistics are thread-safe; the loop itself is single-threaded.
/// </summary>
internal sealed class ReceptionEventUploader : BackgroundService
{
    private const string OtherError = "Lỗi không mong đợi khi gửi nhật ký tiếp công dân lên hub; kiosk vẫn giữ nhật ký và sẽ tự thử lại.";

    private readonly SqliteReceptionJournal _journal;
    private readonly SegmentUploaderSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ReceptionHubClient _client;
    private readonly Random _random = new();
    private long _acknowledged;
    private volatile string? _lastError;

    public ReceptionEventUploader(SqliteReceptionJournal journal, SegmentUploaderSettings settings, TimeProvider time, ILogger logger, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            settings.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                $"Reception events cannot be sent to the hub: {ex.Message} Fix the hub settings, or set Edge:ReceptionJournal:UploadEnabled=false on a kiosk without a hub.", ex);
        }

        _journal = journal;
        _settings = settings;
        _time = time;
        _logger = logger;
        _client = new ReceptionHubClient(settings, handler);
    }

    /// <summary>Events the hub acknowledged since start.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>The last problem in a sentence for the operator (Vietnamese); null after a clean pass.</summary>
    public string? LastError => _lastError;

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var attempt = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the pass, so an append during the pass is not missed.
            var appended = _journal.NextAppend;
            try
            {
                await DrainAsync(stoppingToken);
                _journal.PurgeExpired();
                _lastError = null;
                attempt = 0;
                await WaitForAppendAsync(appended, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _lastError = ex switch
                {
                    HubRefusedException refused => refused.OperatorMessage,
                    HttpRequestException or IOException or OperationCanceledException => ReceptionOperatorMessages.Network,
                    _ => OtherError,
                };
                var delay = ReconnectBackoff.Delay(attempt++, _settings.RetryMinDelay, _settings.RetryMaxDelay, _random);
                ReceptionJournalLog.RetryLater(_logger, ex.Message, (long)delay.TotalMilliseconds, _journal.PendingUpload);
                try
                {
                    await Task.Delay(delay, _time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task WaitForAppendAsync(Task appended, CancellationToken token)
    {
        // The poll only matters after a missed signal (none should be); appends wake the loop at once.
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(token);
        await Task.WhenAny(appended, Task.Delay(_settings.IdlePollInterval, _time, poll.Token));
        await poll.CancelAsync();
        token.ThrowIfCancellationRequested();
    }

    private async Task DrainAsync(CancellationToken token)
    {
        while (true)
        {
            token.ThrowIfCancellationRequested();
            var batch = _journal.NextPending(ReceptionProtocol.MaxBatch);
            if (batch.Count == 0)
            {
                return;
            }

            var result = await _client.PostAsync([.. batch.Select(e => e.Event)], token);
            if (result.Receipt is { } receipt)
            {
                Acknowledge(batch, receipt);
                continue;
            }

            if (batch.Count > 1)
            {
                ReceptionJournalLog.BatchRefused(_logger, batch.Count, result.Status, result.HubError);
                await SendOneByOneAsync(batch, token);
            }
            else
            {
                ParkRefused(batch[0], result);
            }
        }
    }

    private async Task SendOneByOneAsync(IReadOnlyList<JournalEntry> batch, CancellationToken token)
    {
        foreach (var entry in batch)
        {
            token.ThrowIfCancellationRequested();
            var result = await _client.PostAsync([entry.Event], token);
            if (result.Receipt is { } receipt)
            {
                Acknowledge([entry], receipt);
            }
            else
            {
                ParkRefused(entry, result);
            }
        }
    }

    private void Acknowledge(IReadOnlyList<JournalEntry> sent, ReceptionEventReceipt receipt)
    {
        var (marked, unacknowledged) = _journal.Acknowledge(receipt.HighestSeq, sent);
        Interlocked.Add(ref _acknowledged, marked);
        ReceptionJournalLog.BatchAcknowledged(_logger, sent.Count, receipt.Accepted, receipt.Duplicates, _journal.PendingUpload);
        if (unacknowledged.Count > 0)
        {
            // Resending at once would loop on the same answer: back off and let the hub catch up.
            var first = unacknowledged[0].Event;
            throw new HubRefusedException(200, OperatorMessages.HubError(200),
                $"The hub's receipt leaves {unacknowledged.Count} of the {sent.Count} events sent unacknowledged, first {first.SessionId}/{first.Seq} (the hub holds that session without holes only up to seq {receipt.HighestSeq.GetValueOrDefault(first.SessionId)}).");
        }
    }

    private void ParkRefused(JournalEntry entry, ReceptionPostResult result)
    {
        _journal.Park(entry.Id, $"HTTP {result.Status}: {result.HubError}");
        ReceptionJournalLog.EventParked(_logger, entry.Event.SessionId, entry.Event.Seq, result.Status, result.HubError, _journal.Parked);
    }
}
