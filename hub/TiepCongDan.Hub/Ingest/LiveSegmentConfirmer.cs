using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TiepCongDan.Hub.Media;

namespace TiepCongDan.Hub.Ingest;

/// <summary>
/// Stores verified live segments through <see cref="SegmentUploadService.ConfirmLiveSegmentAsync"/> off the
/// receive threads (disk and SQLite must never hold back SRT). A full queue drops the live copy: the
/// kiosk still holds the segment and uploads it. Offer from any thread; one reader.
/// </summary>
internal sealed class LiveSegmentConfirmer
{
    private const int QueueLength = 256;

    private readonly Channel<LiveSegmentCandidate> _queue = Channel.CreateBounded<LiveSegmentCandidate>(
        new BoundedChannelOptions(QueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly SegmentUploadService _uploads;
    private readonly IngestMetrics _metrics;
    private readonly ILogger _logger;

    public LiveSegmentConfirmer(SegmentUploadService uploads, IngestMetrics metrics, ILogger<LiveSegmentConfirmer> logger)
    {
        _uploads = uploads;
        _metrics = metrics;
        _logger = logger;
    }

    public void Offer(LiveSegmentCandidate candidate)
    {
        if (!_queue.Writer.TryWrite(candidate))
        {
            _metrics.LiveSegmentsDiscarded.Inc("confirm-backlog");
            IngestLog.SegmentDiscarded(_logger, candidate.SessionId, candidate.Sequence, "confirm-backlog");
            candidate.Content.Dispose();
        }
    }

    /// <summary>Confirms until <paramref name="stopping"/>; what is still queued then is left to the kiosks' uploads.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var candidate in _queue.Reader.ReadAllAsync(stopping))
            {
                await ConfirmAsync(candidate, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The hub stops.
        }
    }

    private async Task ConfirmAsync(LiveSegmentCandidate candidate, CancellationToken stopping)
    {
        using var content = candidate.Content;
        try
        {
            content.Position = 0;
            _ = await _uploads.ConfirmLiveSegmentAsync(candidate.KioskId, candidate.SessionId, candidate.Sequence, content, candidate.Sha256,
                candidate.StartPts, candidate.DurationMs, stopping);
            _metrics.LiveSegmentsConfirmed.Inc();
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            _metrics.LiveSegmentsDiscarded.Inc("confirm-failed");
            IngestLog.ConfirmFailed(_logger, candidate.SessionId, candidate.Sequence, e);
        }
    }
}
