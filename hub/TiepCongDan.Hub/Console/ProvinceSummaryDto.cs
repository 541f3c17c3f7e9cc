namespace TiepCongDan.Hub.OperatorConsole;

/// <summary>One province of GET /api/console/summary, its communes in code order.</summary>
public sealed record ProvinceSummaryDto(string Province, KioskCountsDto Counts, IReadOnlyList<CommuneSummaryDto> Communes);
