using System.Security.Claims;
using System.Text.RegularExpressions;
using TiepCongDan.Hub.Auth;

namespace TiepCongDan.Hub.Api;

/// <summary>/api/users: admins manage operator accounts.</summary>
public static partial class UserEndpoints
{
    [GeneratedRegex("^[a-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();

    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").RequireAuthorization(Policies.AdminOnly);
        group.MapGet("/", (UserStore users) => Results.Ok(users.List().Select(u => new { username = u.Username, role = u.Role })));
        group.MapPost("/", (CreateUserRequest request, UserStore users, ClaimsPrincipal by, ILoggerFactory loggers) =>
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

            users.Save(request.Username, request.Password, request.Role!);
            AuthLog.UserSaved(loggers.CreateLogger("TiepCongDan.Hub.Auth"), request.Username, request.Role!, by.Identity?.Name ?? "?");
            return Results.Created($"/api/users/{request.Username}", new { username = request.Username, role = request.Role });
        });
        return app;
    }
}
