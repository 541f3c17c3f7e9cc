using Microsoft.AspNetCore.Authentication;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Hub.Media;

namespace TiepCongDan.Hub.SelfTest;

/// <summary>Registers the self-test store and sends kiosk self-test requests to the kiosk authentication.</summary>
public static class SelfTestServiceRegistration
{
    /// <summary>Needs the media archive registered (its kiosk authentication scheme and policy). Calling it twice adds nothing.</summary>
    public static IServiceCollection AddSelfTestReports(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SelfTestStore)))
        {
            return services;
        }

        services.AddSingleton<SelfTestStore>();
        services.AddSingleton<SelfTestEndpointsMarker>();

        // As for media and reception: a kiosk's Basic credentials go to the kiosk scheme, not to the user table.
        services.PostConfigureAll<PolicySchemeOptions>(o =>
        {
            var inner = o.ForwardDefaultSelector;
            o.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments(SelfTestProtocol.KioskBasePath, StringComparison.Ordinal)
                ? KioskAuthenticationHandler.SchemeName
                : inner?.Invoke(context);
        });
        return services;
    }
}
