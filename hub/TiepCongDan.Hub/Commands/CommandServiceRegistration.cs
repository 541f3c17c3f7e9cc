using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Commands;
using TiepCongDan.Hub.Media;

namespace TiepCongDan.Hub.Commands;

/// <summary>Registers remote commands ("Hub:Commands", validated at start) and sends the kiosk routes to the kiosk authentication.</summary>
public static class CommandServiceRegistration
{
    /// <summary>Needs the media archive registered (its kiosk authentication) and data protection. Calling it twice adds nothing.</summary>
    public static IServiceCollection AddRemoteCommands(this IServiceCollection services, IConfiguration configuration, string dataDirectoryFullPath)
    {
        if (services.Any(d => d.ServiceType == typeof(CommandService)))
        {
            return services;
        }

        services.AddOptions<CommandOptions>().Bind(configuration.GetSection(CommandOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CommandOptions>, CommandOptionsValidator>();
        services.AddSingleton<CommandStore>();
        services.AddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<CommandOptions>>().Value.ArtifactDirectory;
            var directory = string.IsNullOrWhiteSpace(configured) ? Path.Combine(dataDirectoryFullPath, "command-artifacts") : Path.GetFullPath(configured);
            return new ArtifactVault(sp.GetRequiredService<IDataProtectionProvider>(), directory);
        });
        services.AddSingleton<CommandService>();
        services.AddHostedService<CommandSweepService>();
        services.PostConfigureAll<PolicySchemeOptions>(o =>
        {
            var inner = o.ForwardDefaultSelector;
            o.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments(CommandProtocol.KioskBasePath, StringComparison.Ordinal)
                ? KioskAuthenticationHandler.SchemeName
                : inner?.Invoke(context);
        });
        return services;
    }
}
