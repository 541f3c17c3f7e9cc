using System.Security.Claims;
using System.Text.RegularExpressions;
using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Auth;

namespace TiepCongDan.Hub.Api;

/// <summary>
/// /api/users: admins of every province manage operator accounts (an admin of some provinces cannot,
/// so cannot make themselves or anyone an admin of all). A POST of an existing name replaces it
/// (password, role, provinces); both are on the audit log.
/// </summary>
public static partial class UserEndpoints
{
    [GeneratedRegex("^[a-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();

    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").RequireAuthorization(Policies.FleetAdmin);
        group.MapGet("/", (UserStore users) => Results.Ok(users.List().Select(u => new { username = u.Username, role = u.Role, provinces = u.Provinces ?? string.Empty })));
        group.MapPost("/", (CreateUserRequest request, UserStore users, HttpContext context, ILoggerFactory loggers) =>
        {
            if (request.Username is null || !UsernamePattern().IsMatch(request.Username))
            {
                return Results.BadRequest(new { error = "username must be 1-64 characters: a-z, 0-9, '.', '_' or '-'." });
            }

            if (request.Password is null || request.Password.Length < 10)
            {
                return Results.BadRequest(new { error = "password must be at least 10 characters." });
            }

            if (!Roles.IsValid(request.Role))
            {
                return Results.BadRequest(new { error = $"role must be one of: {string.Join(", ", Roles.All)}." });
            }

            if (!ProvinceScope.TryNormalize(request.Provinces, out var provinces, out var problem))
            {
                return Results.BadRequest(new { error = problem });
            }

            var existed = users.Find(request.Username) is not null;
            users.Save(request.Username, request.Password, request.Role!, provinces);
            var by = context.User.FindFirstValue(ClaimTypes.Name) ?? "?";
            AuthLog.UserSaved(loggers.CreateLogger("TiepCongDan.Hub.Auth"), request.Username, request.Role!, by);
            context.Audit(existed ? AuditActions.UserChange : AuditActions.UserCreate, request.Username, provinces, AuditOutcomes.Ok,
                $"role {request.Role}, provinces {(provinces.Length == 0 ? "all" : provinces)}");
            return Results.Created($"/api/users/{request.Username}", new { username = request.Username, role = request.Role, provinces });
        });
        return app;
    }
}
