using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Ingest;
using TiepCongDan.Hub.Options;

namespace TiepCongDan.Hub.Bridge;

/// <summary>Registers the bridge: options "Hub:Media:Bridge" (validated at start), the hosted <see cref="BridgeService"/>. Needs an <see cref="ILiveSessionBus"/>.</summary>
public static class BridgeServiceRegistration
{
    /// <summary>Idempotent: a second call (a test host on top of HubApp) adds nothing.</summary>
    public static IServiceCollection AddBridge(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(BridgeService)))
        {
            return services;
        }

        services.AddOptions<BridgeOptions>()
            .Bind(configuration.GetSection(BridgeOptions.SectionName))
            .PostConfigure<IOptions<HubOptions>>((bridge, hub) =>
            {
                var ingest = hub.Value.Media.Ingest.Port;
                bridge.Port ??= ingest is > 0 and < 65535 ? ingest + 1 : 0;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BridgeOptions>, BridgeOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var points = sp.GetRequiredService<IOptions<HubOptions>>().Value.Media.Points.Select(ReceptionPoint.From).ToArray();
            var secret = sp.GetRequiredService<FleetSecret>();
            return new BridgeService(
                sp.GetRequiredService<ILiveSessionBus>(),
                points,
                sp.GetRequiredService<IOptions<BridgeOptions>>().Value,
                kiosk => MediaCredentials.DeriveSrtPassphrase(secret.Bytes, kiosk),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<BridgeService>>(),
                kiosk => sp.GetRequiredService<BrokerAuthorizer>().IsRevoked(kiosk));
        });
        services.AddHostedService(sp => sp.GetRequiredService<BridgeService>());
        return services;
    }
}
