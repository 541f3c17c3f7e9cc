using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Edge.Media.Recording;

namespace TiepCongDan.Hub.Tests.Ingest;

/// <summary>A session cut by the edge's real segmenter ahead of time, for tests that drive SRT by hand.</summary>
public sealed record KioskSegments(byte[] Live, IReadOnlyList<SegmentRecord> Segments)
{
    public static KioskSegments Cut(string kioskId, string sessionId, byte[] ts)
    {
        var directory = Path.Combine(Path.GetTempPath(), "tcd-ingest-cut-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var recorder = MediaRecorder.Open(new MediaRecorderSettings
            {
                Directory = directory,
                KeyPath = Path.Combine(directory, "media.key"),
                TargetSegmentDuration = TimeSpan.FromSeconds(2),
                MaxSegmentDuration = TimeSpan.FromSeconds(6),
                LowDiskBytes = 1024 * 1024,
                ReserveBytes = 1024,
            }, TimeProvider.System, NullLogger.Instance);
            using var live = new MemoryStream();
            var session = recorder.BeginSession(sessionId, kioskId, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            session.LiveOutput = bytes => live.Write(bytes);
            session.Write(ts);
            session.Complete(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            return new KioskSegments(live.ToArray(), recorder.PendingSegments(sessionId));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Byte offset in <see cref="Live"/> where segment <paramref name="sequence"/> starts.</summary>
    public long StartOf(int sequence) => Segments.Where(s => s.Sequence < sequence).Sum(s => s.Bytes);
}
