using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace TiepCongDan.Hub.Auth;

/// <summary>
/// Keeps a login cookie in step with the stored user (cookie option Events.OnValidatePrincipal):
/// a removed user is signed out, a changed role or province list takes effect on the next request
/// (the cookie is reissued), not after the cookie's 12 hours.
/// </summary>
public static class OperatorCookie
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        var name = principal?.Identity?.Name;
        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        var user = string.IsNullOrEmpty(name) ? null : users.Find(name);
        if (user is null || principal is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        var provinces = user.Provinces ?? string.Empty;
        if (principal.FindFirstValue(ClaimTypes.Role) != user.Role || principal.FindFirstValue(ProvinceScope.ClaimType) != provinces)
        {
            context.ReplacePrincipal(UserStore.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            context.ShouldRenew = true;
        }
    }
}
