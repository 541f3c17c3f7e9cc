namespace TiepCongDan.Hub.Archive;

/// <summary>GET /api/sessions/{id}: the summary, every archived segment, and the verification of the files now (null before sealing).</summary>
public sealed record SessionDetailDto(SessionSummaryDto Session, IReadOnlyList<SessionSegmentDto> Segments, VerifyReportDto? Verify);
