using System.Security.Claims;
using TiepCongDan.Hub.Alerts;
using TiepCongDan.Hub.Auth;

namespace TiepCongDan.Hub.OperatorConsole;

/// <summary>
/// Read-only API for the console pages. GET /api/console/me: who is signed in, their role and the
/// provinces they may see (null = all, from <see cref="IAlertScope"/>), so a page can hide what
/// the user may not do (remote commands and acknowledgement for viewers); the API still refuses it.
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
        return app;
    }
}
