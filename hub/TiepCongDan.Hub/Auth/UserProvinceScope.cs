using System.Security.Claims;
using TiepCongDan.Hub.Alerts;

namespace TiepCongDan.Hub.Auth;

/// <summary>
/// The real <see cref="IAlertScope"/>: the provinces the principal carries (<see cref="ProvinceScope.ClaimType"/>),
/// or, for a principal signed in before the claim existed, those stored for the user; a user the
/// hub does not know sees no province at all.
/// </summary>
public sealed class UserProvinceScope(UserStore users) : IAlertScope
{
    public IReadOnlySet<string>? AllowedProvinces(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.FindFirst(ProvinceScope.ClaimType) is not null)
        {
            return ProvinceScope.FromClaim(user);
        }

        var stored = user.Identity?.Name is { Length: > 0 } name ? users.Find(name) : null;
        return stored is null ? new HashSet<string>(StringComparer.Ordinal) : ProvinceScope.Parse(stored.Provinces);
    }
}
