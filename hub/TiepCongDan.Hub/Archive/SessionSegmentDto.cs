namespace TiepCongDan.Hub.Archive;

/// <summary>A confirmed segment as GET /api/sessions/{id} shows it.</summary>
public sealed record SessionSegmentDto(int Seq, string Sha256, long Bytes, long StartPts, long DurationMs, string Source);
