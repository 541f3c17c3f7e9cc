using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Card.Service;
using TiepCongDan.Edge.Health;
using TiepCongDan.Edge.Hosting;
using TiepCongDan.Edge.Media.Live;
using TiepCongDan.Edge.Media.Session;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Screen;
using TiepCongDan.Edge.Simulation;
using TiepCongDan.Edge.Sparkplug;
using TiepCongDan.Edge.Store;
using TiepCongDan.Edge.Watchdog;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the kiosk's edge service into a generic host (in the namespace callers already import).</summary>
public static class EdgeHostingExtensions
{
    /// <summary>
    /// systemd integration (READY/STOPPING plus our watchdog), Serilog, validated <see cref="EdgeOptions"/>,
    /// the SQLite store, the health sampler, simulated devices, the media service (capture, encode,
    /// local recording, SRT uplink, upload), the card reader, buttons, screen, the reception session
    /// flow with its voice and journal, and the Sparkplug edge node.
    /// </summary>
    public static IHostApplicationBuilder AddTcdEdge(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSystemd();
        EdgeLogging.Configure(builder);

        services.AddOptions<EdgeOptions>()
            .Bind(builder.Configuration.GetSection(EdgeOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeOptions>, EdgeOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EdgeOptions>>().Value;
            return new SqliteOutboxStore(options.DatabasePath, options.Outbox.MaxRecords);
        });
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<SqliteOutboxStore>());
        services.AddSingleton<IBdSeqStore>(sp => sp.GetRequiredService<SqliteOutboxStore>());
        services.AddSingleton<IEventJournal>(sp => sp.GetRequiredService<SqliteOutboxStore>());
        services.TryAddSingleton<ISystemFiles>(RootedSystemFiles.Host);
        services.TryAddSingleton<IClockSyncProbe>(sp => new AdjtimexClockSyncProbe(sp.GetRequiredService<ISystemFiles>()));
        services.TryAddSingleton<IHealthSampler>(sp => new LinuxHealthSampler(
            sp.GetRequiredService<ISystemFiles>(),
            sp.GetRequiredService<IClockSyncProbe>(),
            sp.GetRequiredService<IOptions<EdgeOptions>>().Value.HealthDataPartitionPath,
            Environment.ProcessorCount));
        services.TryAddSingleton<INodeControl, SystemNodeControl>();
        services.TryAddSingleton<INodeLiveness, NodeLiveness>();
        // Media starts before the node (its status feeds the births) and stops after it.
        services.AddSingleton<KioskLiveMedia>();
        services.AddSingleton(sp =>
        {
            var faults = sp.GetService<SimulatedDeviceFaults>();
            var media = new MediaService(
                sp.GetRequiredService<IOptions<EdgeOptions>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>(),
                () => sp.GetRequiredService<EdgeNode>().HubRtt)
            {
                CaptureSettingsCreated = faults is null ? null : faults.Follow,
                // Only a kiosk with its page fetches the officials' stream and copies its own for the self-view.
                LiveMedia = sp.GetService<KioskScreenServer>() is null ? null : sp.GetRequiredService<KioskLiveMedia>(),
            };
            if (faults is not null)
            {
                // The console's unplug or silence reaches a running session now, not at its next encoder start.
                faults.Changed += () => _ = media.RestartEncoderAsync();
            }

            return media;
        });
        services.AddHostedService(sp => sp.GetRequiredService<MediaService>());
        AddCardReader(builder);
        builder.AddButtonPanel();
        builder.AddKioskScreen();
        builder.AddSimulationConsole();
        // After the devices and media it reads and presents on; before the node.
        builder.AddReception();
        TiepCongDan.Edge.Commands.RemoteCommandsHostingExtensions.AddRemoteCommands(builder);
        services.AddSingleton(EdgeNodeFactory.Create);
        services.AddHostedService<EdgeNodeService>();
        services.AddHostedService<SystemdWatchdogService>();
        TiepCongDan.Edge.Update.UpdateServiceCollectionExtensions.AddUpdates(builder);
        return builder;
    }

    /// <summary>
    /// Resolves the options once so a configuration error surfaces as <see cref="OptionsValidationException"/>
    /// before the host starts (and before the host logs it with a stack trace).
    /// </summary>
    public static EdgeOptions ValidateEdgeOptions(this IHost host)
    {
        _ = host.Services.GetRequiredService<IOptions<EdgeCardOptions>>().Value;
        _ = host.Services.GetRequiredService<IOptions<EdgeButtonsOptions>>().Value;
        _ = host.Services.GetRequiredService<IOptions<EdgeScreenOptions>>().Value;
        _ = host.Services.GetRequiredService<IOptions<EdgeSimulationOptions>>().Value;
        _ = host.Services.GetRequiredService<IOptions<EdgeReceptionOptions>>().Value;
        _ = host.Services.GetService<IOptions<EdgeVoiceOptions>>()?.Value;
        return host.Services.GetRequiredService<IOptions<EdgeOptions>>().Value;
    }

    /// <summary>
    /// Validated "Edge:Card" options always (`tcd-edge card read` and the validator share them); the
    /// reader service only when Edge:Card:Enabled, so a kiosk without pcscd starts as before.
    /// </summary>
    private static void AddCardReader(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EdgeCardOptions>()
            .Bind(builder.Configuration.GetSection(EdgeCardOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeCardOptions>, EdgeCardOptionsValidator>();
        if (builder.Configuration.GetSection(EdgeCardOptions.SectionName).GetValue<bool>(nameof(EdgeCardOptions.Enabled)))
        {
            // Before the node, like media: the reader's health feeds the node's births.
            services.AddSingleton<CardReaderService>();
            services.AddHostedService(sp => sp.GetRequiredService<CardReaderService>());
        }
    }

    internal static ILogger CreateLogger(this IServiceProvider services, string category) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger(category);
}
