using System.Globalization;

namespace TiepCongDan.Hub.Archive;

/// <summary>The result of verifying one session's archive against its signed manifest.</summary>
public sealed record VerifyReport(string Session, bool Intact, int ManifestVersion, int SegmentsChecked, string? ChainHead,
    IReadOnlyList<VerifyProblem> Problems, DateTimeOffset CheckedAt)
{
    /// <summary>One line for the person reading the page or the terminal.</summary>
    public string SummaryVi => Intact
        ? string.Create(CultureInfo.InvariantCulture, $"Phiên {Session}: nguyên vẹn, {SegmentsChecked} đoạn khớp với biên bản đã ký.")
        : string.Create(CultureInfo.InvariantCulture, $"Phiên {Session}: KHÔNG nguyên vẹn, phát hiện {Problems.Count} vấn đề ({string.Join(", ", Problems.Select(p => VietnameseKind(p.Kind)).Distinct())}).");

    /// <summary>Lines for scripts: "problem: kind seq=N file=X: message", then "intact" or "not intact".</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var p in Problems)
        {
            var where = (p.Sequence is { } seq ? string.Create(CultureInfo.InvariantCulture, $" seq={seq}") : string.Empty)
                        + (p.File is { } file ? " file=" + file : string.Empty);
            yield return $"problem: {KindName(p.Kind)}{where}: {p.Message}";
        }

        yield return Intact
            ? string.Create(CultureInfo.InvariantCulture, $"intact: session {Session}, manifest v{ManifestVersion}, {SegmentsChecked} segments, chain head {ChainHead}")
            : string.Create(CultureInfo.InvariantCulture, $"not intact: session {Session}, {Problems.Count} problem(s)");
        yield return SummaryVi;
    }

    /// <summary>kebab-case name of a kind, as printed and sent by the API (altered-segment, missing-segment, ...).</summary>
    public static string KindName(VerifyProblemKind kind) => kind switch
    {
        VerifyProblemKind.ManifestMissing => "manifest-missing",
        VerifyProblemKind.ManifestAltered => "manifest-altered",
        VerifyProblemKind.BadSignature => "bad-signature",
        VerifyProblemKind.ChainBroken => "chain-broken",
        VerifyProblemKind.AlteredSegment => "altered-segment",
        VerifyProblemKind.MissingSegment => "missing-segment",
        VerifyProblemKind.Reordered => "reordered",
        VerifyProblemKind.ExtraFile => "extra-file",
        _ => kind.ToString(),
    };

    private static string VietnameseKind(VerifyProblemKind kind) => kind switch
    {
        VerifyProblemKind.ManifestMissing => "thiếu biên bản",
        VerifyProblemKind.ManifestAltered => "biên bản bị sửa",
        VerifyProblemKind.BadSignature => "chữ ký sai",
        VerifyProblemKind.ChainBroken => "chuỗi băm đứt",
        VerifyProblemKind.AlteredSegment => "đoạn bị sửa",
        VerifyProblemKind.MissingSegment => "thiếu đoạn",
        VerifyProblemKind.Reordered => "đoạn bị đảo thứ tự",
        VerifyProblemKind.ExtraFile => "tệp lạ",
        _ => kind.ToString(),
    };
}
