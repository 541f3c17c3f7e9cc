using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Sparkplug;

namespace TiepCongDan.Edge.Update;

/// <summary>Registers the update confirmer (docs/decisions/0026). Call after the edge node is registered.</summary>
public static class UpdateServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddUpdates(this IHostApplicationBuilder builder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return builder; // releases, symlinks and systemd exist on the kiosk (Linux) only
        }

        Register(builder);
        return builder;
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static void Register(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<UpdateOptions>()
            .Bind(builder.Configuration.GetSection(UpdateOptions.SectionName))
            .Validate(o => o.ConfirmAfterSeconds is >= 0 and <= 86_400 && o.CheckIntervalSeconds is >= 1 and <= 3_600 && Path.IsPathRooted(o.Root),
                "Edge:Update: ConfirmAfterSeconds must be 0-86400, CheckIntervalSeconds 1-3600 and Root an absolute path.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IServiceRestarter>(_ => new SystemctlServiceRestarter());
        services.TryAddSingleton<IHubOnlineSignal>(sp => new EdgeNodeOnlineSignal(sp.GetRequiredService<EdgeNode>()));
        services.TryAddSingleton(sp => new UpdateManager(
            new UpdateLayout(sp.GetRequiredService<IOptions<UpdateOptions>>().Value.Root, sp.GetRequiredService<IOptions<EdgeOptions>>().Value.DataDirectory),
            sp.GetRequiredService<IServiceRestarter>(),
            sp.GetRequiredService<TimeProvider>(),
            // The service only confirms; installs run as root through `tcd-edge update install`, which loads the fleet CA.
            ReleaseTrust.None,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<UpdateManager>()));
        services.AddHostedService<UpdateHealthConfirmer>();
    }
}
