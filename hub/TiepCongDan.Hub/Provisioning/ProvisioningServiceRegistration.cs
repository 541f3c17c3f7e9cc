using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Media;
using TiepCongDan.Hub.Options;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Provisioning;

/// <summary>Registers kiosk registration, the stored revocations and their enforcement (decision 0023).</summary>
public static class ProvisioningServiceRegistration
{
    /// <summary>
    /// Call after the broker's authorizer is registered: this replaces it with one reading the live
    /// revoked list (static Hub:Fleet:RevokedKiosks plus the stored ones). Idempotent.
    /// </summary>
    public static IServiceCollection AddKioskProvisioning(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(KioskRegistrationStore)))
        {
            return services;
        }

        services.AddSingleton(sp => new RevokedKiosks(
            sp.GetRequiredService<IOptions<HubOptions>>().Value.Fleet.RevokedKiosks
                .Concat(KioskRegistrationStore.StoredRevocations(sp.GetRequiredService<HubDatabase>()))));
        services.Replace(ServiceDescriptor.Singleton(sp => new BrokerAuthorizer(
            sp.GetRequiredService<FleetSecret>(), sp.GetRequiredService<HubCredential>(), sp.GetRequiredService<RevokedKiosks>())));
        services.AddSingleton<KioskRegistrationStore>();
        services.AddSingleton<RevocationEnforcer>();
        services.AddHostedService(sp => sp.GetRequiredService<RevocationEnforcer>());

        // A kiosk's Basic credentials on the enrol path go to the kiosk scheme, not the user table (no failed-login noise).
        services.PostConfigureAll<PolicySchemeOptions>(o =>
        {
            var inner = o.ForwardDefaultSelector;
            o.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments(KioskProvisioningEndpoints.EnrollPath, StringComparison.Ordinal)
                ? KioskAuthenticationHandler.SchemeName
                : inner?.Invoke(context);
        });
        return services;
    }
}
