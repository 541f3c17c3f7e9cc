using System.Security.Claims;

namespace TiepCongDan.Hub.Alerts;

/// <summary>
/// Which provinces a signed-in user may see and act on. Null = every province. The default
/// (<see cref="AllProvincesAlertScope"/>) lets every user see all; province-scoped users replace
/// it with their own implementation registered before or after AddFleetAlerts (the last wins).
/// </summary>
public interface IAlertScope
{
    IReadOnlySet<string>? AllowedProvinces(ClaimsPrincipal user);
}
