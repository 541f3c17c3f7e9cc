namespace TiepCongDan.Hub.Archive;

/// <summary>A <see cref="VerifyReport"/> as JSON: problem kinds by their script names (altered-segment, ...).</summary>
public sealed record VerifyReportDto(string Session, bool Intact, int ManifestVersion, int SegmentsChecked, string? ChainHead,
    IReadOnlyList<VerifyProblemDto> Problems, string CheckedAt, string SummaryVi)
{
    public static VerifyReportDto From(VerifyReport report) => new(
        report.Session, report.Intact, report.ManifestVersion, report.SegmentsChecked, report.ChainHead,
        [.. report.Problems.Select(p => new VerifyProblemDto(VerifyReport.KindName(p.Kind), p.Sequence, p.File, p.Message))],
        ManifestJson.Time(report.CheckedAt), report.SummaryVi);
}
