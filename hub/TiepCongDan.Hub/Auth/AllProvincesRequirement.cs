using Microsoft.AspNetCore.Authorization;
using TiepCongDan.Hub.Alerts;

namespace TiepCongDan.Hub.Auth;

/// <summary>Fleet-wide things (user management, the whole audit log) need a user of every province; handles itself (the pass-through handler runs it).</summary>
public sealed class AllProvincesRequirement : IAuthorizationRequirement, IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Endpoint routing passes the HttpContext as the resource.
        var scope = (context.Resource as HttpContext)?.RequestServices.GetService<IAlertScope>();
        if (scope is not null && scope.AllowedProvinces(context.User) is null)
        {
            context.Succeed(this);
        }

        return Task.CompletedTask;
    }
}
