using System.Text;
using TiepCongDan.Contracts.SelfTest;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>The report as a console table, in Vietnamese (default) or English: one row per check, then what to do for each that is not a pass.</summary>
public static class SelfTestReportText
{
    public static string StatusWord(string status, bool english) => (status, english) switch
    {
        (SelfTestStatus.Pass, false) => "ĐẠT",
        (SelfTestStatus.Warn, false) => "CẢNH BÁO",
        (SelfTestStatus.Fail, false) => "LỖI",
        (SelfTestStatus.NotRun, false) => "BỎ QUA",
        (SelfTestStatus.Pass, true) => "PASS",
        (SelfTestStatus.Warn, true) => "WARN",
        (SelfTestStatus.Fail, true) => "FAIL",
        (SelfTestStatus.NotRun, true) => "SKIP",
        _ => status,
    };

    public static string Format(SelfTestReport report, bool english)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(english
            ? $"Self-test of kiosk {report.KioskId} (tcd-edge {report.Version}), {report.StartedAt:yyyy-MM-dd HH:mm:ss} UTC"
            : $"Tự kiểm tra điểm cầu {report.KioskId} (tcd-edge {report.Version}), {report.StartedAt:dd/MM/yyyy HH:mm:ss} UTC");
        var nameWidth = report.Checks.Select(c => Name(c, english).Length).DefaultIfEmpty(10).Max();
        var statusWidth = report.Checks.Select(c => StatusWord(c.Status, english).Length).DefaultIfEmpty(4).Max();
        var header = english ? ("Part", "Result", "Details") : ("Hạng mục", "Kết quả", "Chi tiết");
        nameWidth = Math.Max(nameWidth, header.Item1.Length);
        statusWidth = Math.Max(statusWidth, header.Item2.Length);
        text.AppendLine($"{header.Item1.PadRight(nameWidth)}  {header.Item2.PadRight(statusWidth)}  {header.Item3}");
        text.AppendLine(new string('-', nameWidth + statusWidth + 40));
        foreach (var check in report.Checks)
        {
            text.AppendLine($"{Name(check, english).PadRight(nameWidth)}  {StatusWord(check.Status, english).PadRight(statusWidth)}  {(english ? check.SummaryEn : check.Summary)}");
            if (check.Measurements.Count > 0)
            {
                text.AppendLine($"{new string(' ', nameWidth + statusWidth + 4)}{(english ? "measured" : "số đo")}: "
                    + string.Join(", ", check.Measurements.Select(m => m.Key + "=" + m.Value)));
            }
        }

        text.AppendLine(new string('-', nameWidth + statusWidth + 40));
        var todo = report.Checks.Where(c => c.Status is SelfTestStatus.Fail or SelfTestStatus.Warn && (english ? c.AdviceEn : c.Advice).Length > 0).ToList();
        foreach (var check in todo)
        {
            text.AppendLine($"{(english ? "To do" : "Cần làm")} ({Name(check, english)}): {(english ? check.AdviceEn : check.Advice)}");
        }

        var failed = report.Checks.Count(c => c.Status == SelfTestStatus.Fail);
        text.AppendLine(report.Passed
            ? english ? $"RESULT: PASSED ({report.Checks.Count(c => c.Status == SelfTestStatus.Pass)}/{report.Checks.Count} passed)." : $"KẾT LUẬN: ĐẠT ({report.Checks.Count(c => c.Status == SelfTestStatus.Pass)}/{report.Checks.Count} hạng mục đạt)."
            : english ? $"RESULT: FAILED ({failed} part(s) failed: {string.Join(", ", report.Checks.Where(c => c.Status == SelfTestStatus.Fail).Select(c => c.NameEn))})."
                : $"KẾT LUẬN: KHÔNG ĐẠT ({failed} hạng mục lỗi: {string.Join(", ", report.Checks.Where(c => c.Status == SelfTestStatus.Fail).Select(c => c.Name))}).");
        return text.ToString();
    }

    private static string Name(SelfTestCheckResult check, bool english) => english ? check.NameEn : check.Name;
}
