namespace TiepCongDan.Hub.Media;

/// <summary>The validated headers of one PATCH (Sha256 lower-case hex of the whole segment).</summary>
public sealed record SegmentUpload(long Offset, long Length, string Sha256, long StartPts, long DurationMs);
