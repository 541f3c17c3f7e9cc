using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Simulation;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the simulation console into the edge's host (in the namespace callers already import).</summary>
public static class SimulationConsoleHostingExtensions
{
    /// <summary>
    /// Validated "Edge:Simulation" options always (a network address stops the unit at boot). When
    /// Edge:Simulation:Enabled is true: the console (<see cref="SimulationConsoleServer"/>, a hosted
    /// service on 127.0.0.1), <see cref="SimulatedDeviceFaults"/> when the media source is simulated,
    /// and, when Edge:Card:Enabled is false, the simulated card reader (<see cref="SimulatedCardSlot"/>
    /// and <see cref="SimulatedCitizenCard"/> as THE <see cref="ICitizenCardReader"/>, replacing any
    /// registered before: call this after the session flow's registration).
    /// </summary>
    public static IHostApplicationBuilder AddSimulationConsole(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<EdgeSimulationOptions>()
            .Bind(configuration.GetSection(EdgeSimulationOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeSimulationOptions>, EdgeSimulationOptionsValidator>();
        if (!(configuration.GetSection(EdgeSimulationOptions.SectionName).GetValue<bool?>(nameof(EdgeSimulationOptions.Enabled)) ?? false))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CardSignalFeed>();
        var realReader = configuration.GetSection(EdgeCardOptions.SectionName).GetValue<bool>(nameof(EdgeCardOptions.Enabled));
        if (!realReader)
        {
            services.TryAddSingleton<SimulatedCardSlot>();
            services.TryAddSingleton<SimulatedCitizenCard>();
            services.RemoveAll<ICitizenCardReader>();
            services.AddSingleton<ICitizenCardReader>(sp => sp.GetRequiredService<SimulatedCitizenCard>());
        }

        var media = configuration.GetSection(EdgeOptions.SectionName).GetSection(nameof(EdgeOptions.Media));
        var realCamera = (media.GetValue<bool?>(nameof(EdgeMediaOptions.Enabled)) ?? true)
            && string.Equals(media[nameof(EdgeMediaOptions.Source)], EdgeMediaOptions.V4l2Source, StringComparison.Ordinal);
        if (!realCamera)
        {
            services.TryAddSingleton(sp => new SimulatedDeviceFaults(sp.GetRequiredService<IOptions<EdgeOptions>>().Value.SimulatedDevicesFile));
        }

        services.AddSingleton(sp =>
        {
            var panel = sp.GetService<ButtonPanelHost>();
            return new SimulationConsoleDevices
            {
                Signals = sp.GetRequiredService<CardSignalFeed>(),
                CardSlot = realReader ? null : sp.GetRequiredService<SimulatedCardSlot>(),
                Panel = panel?.Panel,
                Buttons = panel?.Simulator,
                Faults = realCamera ? null : sp.GetRequiredService<SimulatedDeviceFaults>(),
                Status = sp.GetService<IReceptionStatus>(),
            };
        });
        services.AddSingleton(sp => new SimulationConsoleServer(
            sp.GetRequiredService<IOptions<EdgeSimulationOptions>>(),
            sp.GetRequiredService<SimulationConsoleDevices>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SimulationConsoleServer>>()));
        services.AddHostedService(sp => sp.GetRequiredService<SimulationConsoleServer>());
        return builder;
    }
}
