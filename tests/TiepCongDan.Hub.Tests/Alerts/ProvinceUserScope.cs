using System.Security.Claims;
using TiepCongDan.Hub.Alerts;

namespace TiepCongDan.Hub.Tests.Alerts;

/// <summary>A stand-in for province-scoped users: a user named "op{code}" sees only that province, everyone else all.</summary>
public sealed class ProvinceUserScope : IAlertScope
{
    public IReadOnlySet<string>? AllowedProvinces(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? string.Empty;
        return name.StartsWith("op", StringComparison.Ordinal) && name.Length == 4
            ? new HashSet<string>(StringComparer.Ordinal) { name[2..] }
            : null;
    }
}
