using TiepCongDan.Hub.Alerts;

namespace TiepCongDan.Hub.Auth;

/// <summary>Province-scoped access (decision 0031): the users' scope as the hub's <see cref="IAlertScope"/>, the logins, and the fleet-admin policy.</summary>
public static class AccessServiceRegistration
{
    /// <summary>Call after AddFleetAlerts or before it: this registration wins over its all-provinces default either way.</summary>
    public static IServiceCollection AddProvinceScopedAccess(this IServiceCollection services)
    {
        services.AddSingleton<IAlertScope, UserProvinceScope>();
        services.AddSingleton<OperatorLogins>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.FleetAdmin, p => p.RequireRole(Roles.Admin).AddRequirements(new AllProvincesRequirement()));
        return services;
    }
}
