using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Hub.Media;

/// <summary>Registers the media archive: storage, the upload service and kiosk authentication.</summary>
public static class MediaServiceRegistration
{
    public static IServiceCollection AddMediaArchive(this IServiceCollection services, string dataDirectoryFullPath)
    {
        services.AddSingleton<ISegmentArchive>(_ => new FileSegmentArchive(Path.Combine(dataDirectoryFullPath, "archive")));
        services.AddSingleton<MediaArchiveStore>();
        services.AddSingleton<SegmentUploadService>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, KioskAuthenticationHandler>(KioskAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(KioskAuthenticationHandler.PolicyName, new AuthorizationPolicyBuilder(KioskAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => !c.User.HasClaim(KioskAuthenticationHandler.RevokedClaim, "true"))
            .Build());

        // The hub's default scheme would try a kiosk's Basic credentials against the user table and log a
        // failed login for every chunk; media requests go straight to the kiosk scheme instead.
        services.PostConfigureAll<PolicySchemeOptions>(o =>
        {
            var inner = o.ForwardDefaultSelector;
            o.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments(SegmentUploadProtocol.BasePath, StringComparison.Ordinal)
                ? KioskAuthenticationHandler.SchemeName
                : inner?.Invoke(context);
        });
        return services;
    }
}
