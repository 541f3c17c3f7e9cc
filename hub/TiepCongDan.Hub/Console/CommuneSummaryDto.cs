namespace TiepCongDan.Hub.OperatorConsole;

/// <summary>One commune of GET /api/console/summary.</summary>
public sealed record CommuneSummaryDto(string Commune, KioskCountsDto Counts);
