using System.Security.Claims;

namespace TiepCongDan.Hub.Alerts;

/// <summary>Every user sees every province (until province-scoped users exist).</summary>
public sealed class AllProvincesAlertScope : IAlertScope
{
    public IReadOnlySet<string>? AllowedProvinces(ClaimsPrincipal user) => null;
}
