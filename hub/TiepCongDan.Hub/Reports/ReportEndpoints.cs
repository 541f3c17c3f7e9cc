using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.Reception;

namespace TiepCongDan.Hub.Reports;

/// <summary>
/// GET /api/reports/service (JSON or CSV, any signed-in user), GET /reports/service (the same as a
/// printable Vietnamese page), GET /api/reception/export (the register for the national database,
/// JSON or CSV; operators and admins, the whole ID number for admins only, every export audited).
/// All cover only the user's provinces; CSV reports and every register export are on the audit log.
/// Periods are local days: ?from=2026-11-01&amp;to=2026-11-30.
/// </summary>
public static class ReportEndpoints
{
    private static readonly string[] ServiceHeader =
    [
        "Tỉnh", "Xã", "Số điểm cầu", "Giờ tiếp dân / điểm", "Sẵn sàng (%)", "Phiên mở", "Phiên đã tiếp", "Thẻ → kết nối TB (ms)",
        "Thẻ → kết nối p95 (ms)", "Lượt đánh giá", "Hài lòng", "Tỷ lệ hài lòng (%)", "Lưu trữ đầy đủ", "Lưu trữ đầy đủ (%)",
    ];

    private static readonly string[] ExportHeader =
    [
        "Mã phiên", "Ngày giờ", "Tỉnh", "Xã", "Điểm cầu", "Họ và tên", "Số định danh", "Địa chỉ", "Loại việc", "Tóm tắt nội dung",
        "Cơ quan tiếp nhận", "Kết quả", "Tham chiếu bản ghi",
    ];

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/service", Service).RequireAuthorization(Policies.AnyUser);
        app.MapGet("/reports/service", ServicePage).RequireAuthorization(Policies.AnyUser);
        app.MapGet("/api/reception/export", Export).RequireAuthorization(Policies.OperatorOrAdmin);
        return app;
    }

    private static IResult Service(string? from, string? to, string? by, string? format, HttpContext context, ServiceReportBuilder builder)
    {
        if (Period(from, to) is not { } period)
        {
            return PeriodError();
        }

        if (by is not (null or "province" or "commune"))
        {
            return Error("'by' must be province or commune.");
        }

        var report = builder.Build(period.From, period.To, by == "commune", context.ProvinceFilter());
        if (format == "csv")
        {
            context.Audit(AuditActions.ReportExport, $"service {report.From}..{report.To}", Scope(context), AuditOutcomes.Ok, $"csv by {report.GroupBy}");
        }

        return format switch
        {
            null or "json" => Results.Ok(report),
            "csv" => Results.File(Csv.Write(ServiceHeader, [.. report.Lines.Select(Cells), Cells(report.Total)]), "text/csv; charset=utf-8",
                $"bao-cao-tiep-dan-{report.From}-{report.To}.csv"),
            _ => Error("'format' must be json or csv."),
        };
    }

    private static IResult ServicePage(string? from, string? to, string? by, HttpContext context, ServiceReportBuilder builder)
    {
        if (Period(from, to) is not { } period)
        {
            return PeriodError();
        }

        var report = builder.Build(period.From, period.To, by == "commune", context.ProvinceFilter());
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Báo cáo tiếp công dân trực tuyến</title><style>")
            .Append("body{font-family:'Noto Sans','DejaVu Sans',sans-serif;color:#111;margin:2rem}h1{font-size:1.6rem}table{border-collapse:collapse;width:100%;font-size:.9rem}")
            .Append("th,td{border:1px solid #444;padding:.3rem .5rem;text-align:right}th:first-child,td:first-child,th:nth-child(2),td:nth-child(2){text-align:left}")
            .Append("tfoot td{font-weight:700}.target{color:#8b0000}@media print{body{margin:0}a{display:none}}</style></head><body>")
            .Append("<h1>Báo cáo tiếp công dân trực tuyến</h1><p>Từ ngày ").Append(report.From).Append(" đến ngày ").Append(report.To)
            .Append(" · theo ").Append(report.GroupBy == "commune" ? "xã" : "tỉnh").Append(" · mục tiêu hài lòng ≥ 95 %</p><table><thead><tr>");
        foreach (var h in ServiceHeader)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var line in report.Lines)
        {
            Row(html, line);
        }

        html.Append("</tbody><tfoot>");
        Row(html, report.Total with { Province = "Tổng cộng" });
        html.Append("</tfoot></table><p><a href=\"/api/reports/service?from=").Append(report.From).Append("&amp;to=").Append(report.To)
            .Append("&amp;by=").Append(report.GroupBy).Append("&amp;format=csv\">Tải CSV</a></p></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static IResult Export(string? from, string? to, string? format, HttpContext context, RegisterExporter exporter, ReceptionRegister register)
    {
        if (Period(from, to) is not { } period)
        {
            return PeriodError();
        }

        if (format is not (null or "json" or "csv"))
        {
            return Error("'format' must be json or csv.");
        }

        var admin = context.User.IsInRole(Roles.Admin);
        var entries = exporter.Export(period.From, period.To, fullIdNumbers: admin, context.ProvinceFilter());
        var user = context.User.FindFirstValue(ClaimTypes.Name) ?? "?";
        context.Audit(AuditActions.RegisterExport, $"register {period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}", Scope(context), AuditOutcomes.Ok,
            $"{format ?? "json"}, {entries.Count} entries, {(admin ? "full ID numbers" : "masked ID numbers")}");
        foreach (var e in entries.Where(e => e.CitizenName is not null))
        {
            // Each citizen that left the hub in an export is on the register's audit trail, as a detail read is.
            register.RecordCitizenRead(user, e.SessionId);
        }

        if (format == "csv")
        {
            return Results.File(Csv.Write(ExportHeader, entries.Select(e => (IReadOnlyList<string?>)
                [e.SessionId, e.Date, e.Province, e.Commune, e.KioskId, e.CitizenName, e.IdNumber, e.Address, e.CaseKindName, e.Summary,
                    e.ReceivingAgency, e.Outcome, e.RecordingReference])), "text/csv; charset=utf-8", $"so-tiep-cong-dan-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv");
        }

        return Results.Ok(entries);
    }

    /// <summary>The provinces an export covers, for the audit log: the user's, "" for all.</summary>
    private static string Scope(HttpContext context) => context.AllowedProvinces() is { } allowed ? string.Join(',', allowed.Order(StringComparer.Ordinal)) : string.Empty;

    private static void Row(StringBuilder html, ServiceReportLine line)
    {
        html.Append("<tr>");
        foreach (var (cell, i) in Cells(line).Select((c, i) => (c, i)))
        {
            // The satisfaction rate below the seeds' 95 % target stands out in dark red.
            var below = i == 11 && line.SatisfactionPercent is < 95;
            html.Append(below ? "<td class=\"target\">" : "<td>").Append(WebUtility.HtmlEncode(cell ?? "–")).Append("</td>");
        }

        html.Append("</tr>");
    }

    private static IReadOnlyList<string?> Cells(ServiceReportLine l) =>
    [
        l.Province, l.Commune, N(l.Kiosks), N(l.ReceptionHours), N(l.AvailabilityPercent), N(l.SessionsStarted), N(l.SessionsHeld),
        N(l.CardToLiveAverageMs), N(l.CardToLiveP95Ms), N(l.Rated), N(l.Satisfied), N(l.SatisfactionPercent), N(l.ArchiveComplete), N(l.ArchiveCompletePercent),
    ];

    private static string? N(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture);

    private static (DateOnly From, DateOnly To)? Period(string? from, string? to) =>
        DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f)
        && DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
        && t >= f && t.DayNumber - f.DayNumber <= 366
            ? (f, t)
            : null;

    private static IResult PeriodError() => Error("'from' and 'to' must be local dates (2026-11-01) with to ≥ from, at most a year apart.");

    private static IResult Error(string message) => Results.Json(new { error = message }, statusCode: StatusCodes.Status400BadRequest);
}
