using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TiepCongDan.Hub.Options;

namespace TiepCongDan.Hub.Alerts;

/// <summary>
/// Registers the fleet alerts: options "Hub:Alerts" (validated at start), alerts.db in the hub's
/// data directory, the evaluator and the webhook dispatcher (hosted), and the default
/// <see cref="IAlertScope"/> (every province). Needs the hub's KioskRegistry and HubOptions.
/// </summary>
public static class AlertServiceRegistration
{
    /// <summary>
    /// <paramref name="selfTestFailed"/> gives the self-test rule its source: per kiosk, true when
    /// its last self-test failed, false when it passed, null when none is known. Idempotent.
    /// </summary>
    public static IServiceCollection AddFleetAlerts(this IServiceCollection services, IConfiguration configuration,
        Func<IServiceProvider, Func<string, bool?>>? selfTestFailed = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(AlertEngine)))
        {
            return services;
        }

        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAlertScope, AllProvincesAlertScope>();
        services.AddSingleton(sp => new AlertStore(sp.GetRequiredService<IOptions<HubOptions>>().Value.DataDirectoryFullPath));
        services.AddSingleton(sp => new AlertOutbox(
            sp.GetRequiredService<IOptions<AlertOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<HubOptions>>().Value.HostId));
        services.AddSingleton(sp => new SelfTestFailedSource(selfTestFailed?.Invoke(sp)));
        services.AddSingleton<AlertEngine>();
        services.AddSingleton<AlertEvaluatorService>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertEvaluatorService>());
        services.AddSingleton<AlertWebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertWebhookDispatcher>());
        return services;
    }
}
