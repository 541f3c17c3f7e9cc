using Microsoft.AspNetCore.Authentication;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Hub.Media;
using TiepCongDan.Hub.Options;

namespace TiepCongDan.Hub.Reception;

/// <summary>Registers the reception register, its archive link, retention and metrics.</summary>
public static class ReceptionServiceRegistration
{
    /// <summary>Needs the media archive and the session archive registered too (the register links to both).</summary>
    public static IServiceCollection AddReceptionRegister(this IServiceCollection services, string dataDirectoryFullPath, ReceptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keyPath = CitizenProtector.PathFor(dataDirectoryFullPath, options.KeyPath);
        services.AddSingleton(_ => CitizenProtector.LoadOrCreate(keyPath));
        services.AddSingleton<ReceptionMetrics>();
        services.AddSingleton<ReceptionRegister>();
        services.AddSingleton<ReceptionArchiveLink>();
        services.AddSingleton<ReceptionRetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReceptionRetentionService>());
        services.AddHostedService<ReceptionArchiveLinkService>();

        // As for media: a kiosk's Basic credentials go to the kiosk scheme, not to the user table.
        services.PostConfigureAll<PolicySchemeOptions>(o =>
        {
            var inner = o.ForwardDefaultSelector;
            o.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments(ReceptionProtocol.EventsPath, StringComparison.Ordinal)
                ? KioskAuthenticationHandler.SchemeName
                : inner?.Invoke(context);
        });
        return services;
    }
}
