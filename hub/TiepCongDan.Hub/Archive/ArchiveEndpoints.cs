using System.Globalization;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Auth;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// /api/sessions (list, search, details, verify, MP4 export: any signed-in user; metadata: operator;
/// legal hold: admin) and the sessions page. Only the sessions of the user's provinces; exports,
/// playbacks, metadata changes and legal holds are on the audit log.
/// </summary>
public static class ArchiveEndpoints
{
    public static IEndpointRouteBuilder MapArchiveEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions").RequireAuthorization(Policies.AnyUser);
        group.MapGet("/", Search);
        group.MapGet("/deletions", (HttpContext context, SessionArchive archive) => Results.Ok(archive.Catalog.Deletions().Where(d => context.MaySeeKiosk(d.KioskId)).Select(d => new
        {
            session = d.SessionId,
            kiosk = d.KioskId,
            start = ManifestJson.Time(DateTimeOffset.FromUnixTimeMilliseconds(d.StartedAtMs)),
            deletedAt = ManifestJson.Time(DateTimeOffset.FromUnixTimeMilliseconds(d.DeletedAtMs)),
            policy = d.Policy,
            chainHead = d.ChainHead,
            segmentCount = d.SegmentCount,
        })));
        group.MapGet("/{id}", (string id, HttpContext context, SessionArchive archive, CancellationToken ct) => Scoped(context, id, archive, () => DetailAsync(id, archive, ct)));
        group.MapGet("/{id}/verify", (string id, HttpContext context, SessionArchive archive, CancellationToken ct) =>
            Scoped(context, id, archive, async () => Results.Ok(VerifyReportDto.From(await archive.VerifyAsync(id, ct)))));
        group.MapGet("/{id}/export.mp4", (string id, HttpContext context, SessionArchive archive, CancellationToken ct) => Scoped(context, id, archive, async () =>
        {
            var path = await archive.ExportAsync(id, ct);
            // A download, or the start of a playback in the page's <video>; its seeks (other ranges) are not actions of their own.
            var range = context.Request.Headers.Range.ToString();
            if (range.Length == 0 || range.StartsWith("bytes=0-", StringComparison.Ordinal))
            {
                context.Audit(AuditActions.ArchiveExport, id, archive.Catalog.Find(id)?.Province ?? ProvinceScope.OfSessionId(id), AuditOutcomes.Ok,
                    range.Length == 0 ? "download" : "playback");
            }

            // From a file with ranges: the browser's <video> seeks by byte ranges, and nothing is held in memory.
            return Results.File(path, "video/mp4", id + ".mp4", enableRangeProcessing: true);
        }));
        group.MapPut("/{id}/metadata", (string id, SessionMetadataRequest? request, HttpContext context, SessionArchive archive, CancellationToken ct) =>
            Scoped(context, id, archive, async () =>
            {
                if (request is null)
                {
                    return Error(StatusCodes.Status400BadRequest, "The body must be JSON: {\"officials\":[{\"name\":..,\"role\":..}],\"caseKind\":..,\"citizenRef\":..}.");
                }

                var row = await archive.UpdateMetadataAsync(id, request.Officials ?? [], request.CaseKind ?? string.Empty,
                    request.CitizenRef ?? string.Empty, context.User.Identity?.Name ?? "?", ct);
                context.Audit(AuditActions.ArchiveMetadata, id, row.Province, AuditOutcomes.Ok, $"case kind {request.CaseKind}, {request.Officials?.Count ?? 0} officials");
                return Results.Ok(Summary(row, archive));
            })).RequireAuthorization(Policies.OperatorOrAdmin);
        group.MapPut("/{id}/legal-hold", (string id, LegalHoldRequest? request, HttpContext context, SessionArchive archive) =>
            Scoped(context, id, archive, () =>
            {
                if (request is null)
                {
                    return Task.FromResult(Error(StatusCodes.Status400BadRequest, "The body must be JSON: {\"legalHold\": true|false}."));
                }

                var row = archive.SetLegalHold(id, request.LegalHold, context.User.Identity?.Name ?? "?");
                context.Audit(AuditActions.LegalHold, id, row.Province, AuditOutcomes.Ok, request.LegalHold ? "hold" : "release");
                return Task.FromResult(Results.Ok(Summary(row, archive)));
            }))
            .RequireAuthorization(Policies.AdminOnly);

        app.MapGet("/sessions.html", () => Web.PageEndpoints.Embedded("sessions.html", "text/html; charset=utf-8")).RequireAuthorization(Policies.AnyUser);
        app.MapGet("/sessions.js", () => Web.PageEndpoints.Embedded("sessions.js", "text/javascript; charset=utf-8")).AllowAnonymous();
        return app;
    }

    private static IResult Search(string? commune, string? from, string? to, string? caseKind, string? citizenRef, string? kiosk, HttpContext context, SessionArchive archive)
    {
        DateTimeOffset? start = null;
        DateTimeOffset? end = null;
        if (!string.IsNullOrEmpty(from))
        {
            if (!TryParseTime(from, endOfDay: false, out var parsed))
            {
                return Error(StatusCodes.Status400BadRequest, $"'from' must be a date (2026-11-23) or an ISO 8601 time, got '{from}'.");
            }

            start = parsed;
        }

        if (!string.IsNullOrEmpty(to))
        {
            if (!TryParseTime(to, endOfDay: true, out var parsed))
            {
                return Error(StatusCodes.Status400BadRequest, $"'to' must be a date (2026-11-23) or an ISO 8601 time, got '{to}'.");
            }

            end = parsed;
        }

        if (!string.IsNullOrEmpty(caseKind) && !CaseKinds.IsValid(caseKind))
        {
            return Error(StatusCodes.Status400BadRequest, $"caseKind must be one of {string.Join(", ", CaseKinds.All)}.");
        }

        var allowed = context.AllowedProvinces();
        var rows = archive.Catalog.Search(new SessionSearch(commune, start, end, caseKind, citizenRef, kiosk));
        return Results.Ok(rows.Where(r => allowed.Allows(r.Province)).Select(r => Summary(r, archive)));
    }

    private static async Task<IResult> DetailAsync(string id, SessionArchive archive, CancellationToken cancellationToken)
    {
        var row = archive.Get(id);
        var (expected, segments) = archive.Completeness(id);
        var verify = row.ManifestVersion > 0 ? VerifyReportDto.From(await archive.VerifyAsync(id, cancellationToken, reuseRecent: true)) : null;
        return Results.Ok(new SessionDetailDto(
            SessionSummaryDto.From(row, expected, segments),
            [.. segments.Select(s => new SessionSegmentDto(s.Sequence, s.Sha256, s.Bytes, s.StartPts, s.DurationMs, s.Source))],
            verify));
    }

    private static SessionSummaryDto Summary(ArchiveSessionRow row, SessionArchive archive)
    {
        var (expected, segments) = archive.Completeness(row.Id);
        return SessionSummaryDto.From(row, expected, segments);
    }

    /// <summary>A session of a province the user may not see answers as one that does not exist.</summary>
    private static Task<IResult> Scoped(HttpContext context, string id, SessionArchive archive, Func<Task<IResult>> handler)
    {
        if (MediaSessionId.IsValid(id) && !context.MaySeeProvince(archive.Catalog.Find(id)?.Province ?? ProvinceScope.OfSessionId(id)))
        {
            return Task.FromResult(Error(StatusCodes.Status404NotFound, new SessionNotFoundException(id).Message));
        }

        return Guarded(id, handler);
    }

    private static async Task<IResult> Guarded(string id, Func<Task<IResult>> handler)
    {
        if (!MediaSessionId.IsValid(id))
        {
            return Error(StatusCodes.Status400BadRequest, $"'{id}' is not a session id.");
        }

        try
        {
            return await handler();
        }
        catch (SessionNotFoundException ex)
        {
            return Error(StatusCodes.Status404NotFound, ex.Message);
        }
        catch (SessionNotSealedException ex)
        {
            return Error(StatusCodes.Status409Conflict, ex.Message);
        }
        catch (ArchiveTamperedException ex)
        {
            return Results.Json(new { error = "Refused: the archive of this session failed verification.", verify = VerifyReportDto.From(ex.Report) },
                statusCode: StatusCodes.Status409Conflict);
        }
        catch (ArgumentException ex)
        {
            return Error(StatusCodes.Status400BadRequest, ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // ffmpeg's own words (or a missing ffmpeg); never personal data.
            return Error(StatusCodes.Status500InternalServerError, ex.Message);
        }
    }

    private static bool TryParseTime(string text, bool endOfDay, out DateTimeOffset time)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // A day is a Vietnamese calendar day (UTC+7), as the person searching means it.
            var local = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
            time = endOfDay ? local.AddDays(1).AddMilliseconds(-1) : local;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    private static IResult Error(int statusCode, string message) => Results.Json(new { error = message }, statusCode: statusCode);
}
