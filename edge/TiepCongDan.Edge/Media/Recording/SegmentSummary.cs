namespace TiepCongDan.Edge.Media.Recording;

/// <summary>A segment the segmenter has finished: its plaintext size and SHA-256 (lower-case hex).</summary>
internal sealed record SegmentSummary(int Sequence, long StartPts, long DurationMs, long Bytes, string Sha256);
