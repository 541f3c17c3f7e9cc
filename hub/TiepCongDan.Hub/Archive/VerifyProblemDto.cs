namespace TiepCongDan.Hub.Archive;

/// <summary>One problem of <see cref="VerifyReportDto"/>.</summary>
public sealed record VerifyProblemDto(string Kind, int? Sequence, string? File, string Message);
