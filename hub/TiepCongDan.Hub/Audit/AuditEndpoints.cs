using TiepCongDan.Hub.Auth;

namespace TiepCongDan.Hub.Audit;

/// <summary>
/// GET /api/audit?before=SEQ&amp;limit=N (admins; newest first; an admin of some provinces sees only
/// their provinces' entries) and GET /api/audit/verify (admins: does the hash chain hold).
/// </summary>
public static class AuditEndpoints
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").RequireAuthorization(Policies.AdminOnly);
        group.MapGet("/", (long? before, int? limit, HttpContext context, AuditLog log) =>
        {
            if (limit is < 1 or > MaxLimit)
            {
                return Results.BadRequest(new { error = $"'limit' must be between 1 and {MaxLimit}." });
            }

            var allowed = context.AllowedProvinces();
            var rows = log.List(limit ?? DefaultLimit, before, allowed is null ? null : allowed.AllowsAny);
            return Results.Ok(new
            {
                entries = rows.Select(AuditEntryDto.From),
                next = rows.Count == (limit ?? DefaultLimit) ? $"/api/audit?before={rows[^1].Seq}&limit={limit ?? DefaultLimit}" : null,
            });
        });
        group.MapGet("/verify", (AuditLog log) =>
        {
            var (count, broken) = log.Check();
            return Results.Ok(new { intact = broken is null, entries = count, brokenAt = broken });
        });
        return app;
    }
}
