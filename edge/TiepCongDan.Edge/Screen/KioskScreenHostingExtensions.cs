using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Media.Live;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Screen;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the kiosk screen into the edge's host (in the namespace callers already import).</summary>
public static class KioskScreenHostingExtensions
{
    /// <summary>
    /// Validated "Edge:Screen" options always (a non-loopback address stops the unit at boot); the
    /// page server (<see cref="KioskScreenServer"/>, a hosted service) and <see cref="DisplayPower"/>
    /// only when Edge:Screen:Enabled is true (the kiosk image's edge.json sets it). The session flow calls
    /// <see cref="KioskScreenServer.Show"/> at every transition.
    /// </summary>
    public static IHostApplicationBuilder AddKioskScreen(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection(EdgeScreenOptions.SectionName);
        services.AddOptions<EdgeScreenOptions>()
            .Bind(section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeScreenOptions>, EdgeScreenOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        if (section.GetValue<bool?>(nameof(EdgeScreenOptions.Enabled)) ?? false)
        {
            services.TryAddSingleton(sp => DisplayPowerSinks.Create(sp.GetRequiredService<IOptions<EdgeScreenOptions>>().Value));
            services.AddSingleton(sp => new DisplayPower(
                sp.GetRequiredService<IDisplayPowerSink>(),
                sp.GetRequiredService<IOptions<EdgeScreenOptions>>().Value.IdleOff,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<DisplayPower>>()));
            services.AddSingleton(sp => new KioskScreenServer(
                sp.GetRequiredService<IOptions<EdgeScreenOptions>>(),
                sp.GetRequiredService<ILogger<KioskScreenServer>>(),
                sp.GetRequiredService<DisplayPower>(),
                sp.GetService<KioskLiveMedia>()));
            services.AddHostedService(sp => sp.GetRequiredService<KioskScreenServer>());
        }

        return builder;
    }
}
