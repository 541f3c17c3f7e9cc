using System.Security.Claims;
using TiepCongDan.Hub.Alerts;
using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.Registry;

namespace TiepCongDan.Hub.OperatorConsole;

/// <summary>
/// Read-only API for the console pages. GET /api/console/me: who is signed in, their role and the
/// provinces they may see (null = all, from <see cref="IAlertScope"/>), so a page can hide what
/// the user may not do (remote commands and acknowledgement for viewers); the API still refuses it.
/// GET /api/console/summary: online, degraded, offline and in-session counts per province and
/// commune, of the provinces the user may see.
/// </summary>
public static class ConsoleEndpoints
{
    public static IEndpointRouteBuilder MapConsoleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/console/me", (HttpContext context, IAlertScope scope) =>
        {
            var user = context.User;
            var role = user.FindFirstValue(ClaimTypes.Role) ?? Roles.Viewer;
            var provinces = scope.AllowedProvinces(user);
            return Results.Ok(new ConsoleUserDto(
                user.Identity?.Name ?? string.Empty,
                role,
                provinces is null ? null : [.. provinces.Order(StringComparer.Ordinal)],
                role is Roles.Operator or Roles.Admin));
        }).RequireAuthorization(Policies.AnyUser);
        // Counts for leadership screens and scripts; a province-scoped user gets only their provinces.
        app.MapGet("/api/console/summary", (HttpContext context, KioskRegistry registry, IAlertScope scope) =>
        {
            var allowed = scope.AllowedProvinces(context.User);
            return Results.Ok(FleetSummaryDto.Of([.. registry.All().Where(k => allowed is null || allowed.Contains(k.Province))]));
        }).RequireAuthorization(Policies.AnyUser);
        return app;
    }
}
