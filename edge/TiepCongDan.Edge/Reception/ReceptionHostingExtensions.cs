using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Card.Service;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Media;
using TiepCongDan.Edge.Media.Session;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Reception.Inputs;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Reception.Presenters;
using TiepCongDan.Edge.Screen;
using TiepCongDan.Edge.Voice;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the reception session flow into the edge's host (in the namespace callers already import).</summary>
public static class ReceptionHostingExtensions
{
    /// <summary>
    /// Validated "Edge:Reception" options, the <see cref="CardSignalFeed"/> and the reception journal
    /// (<see cref="ReceptionJournalHostingExtensions.AddReceptionJournal"/>) always; unless
    /// Edge:Reception:Enabled is false also the voice (prompts rendered on first use, the rest in the
    /// background once the kiosk has been idle for Edge:Reception:VoiceWarmupDelaySeconds), the
    /// <see cref="ReceptionCoordinator"/> (as itself, <see cref="IReceptionStatus"/> and a hosted
    /// service), the PC/SC card signals and <see cref="ICitizenCardReader"/> when Edge:Card:Enabled,
    /// and the QR scanner when Edge:Reception:QrScannerDevice is set. The presenters are those of the
    /// devices present when the flow is built: the page (<see cref="KioskScreenServer"/>), the voice,
    /// the panel's lights (<see cref="ButtonPanel"/>), plus any <see cref="IReceptionPresenter"/>
    /// registered elsewhere. Media is the registered <see cref="IMediaNode"/> (else the
    /// <see cref="MediaService"/>); without one a session cannot connect and says so.
    /// </summary>
    public static IHostApplicationBuilder AddReception(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection(EdgeReceptionOptions.SectionName);
        services.AddOptions<EdgeReceptionOptions>()
            .Bind(section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeReceptionOptions>, EdgeReceptionOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CardSignalFeed>();
        builder.AddReceptionJournal();
        if (!(section.GetValue<bool?>(nameof(EdgeReceptionOptions.Enabled)) ?? true))
        {
            return builder;
        }

        var warmup = section.GetValue<int?>(nameof(EdgeReceptionOptions.VoiceWarmupDelaySeconds)) ?? new EdgeReceptionOptions().VoiceWarmupDelaySeconds;
        builder.AddVoice(warmup <= 0 ? null : TimeSpan.FromSeconds(warmup));

        if (builder.Configuration.GetSection(EdgeCardOptions.SectionName).GetValue<bool>(nameof(EdgeCardOptions.Enabled)))
        {
            services.TryAddSingleton<ICitizenCardReader>(sp => sp.GetRequiredService<CardReaderService>());
            services.AddHostedService<PcscCardSignalSource>();
        }

        var scanner = section.GetValue<string?>(nameof(EdgeReceptionOptions.QrScannerDevice));
        if (!string.IsNullOrWhiteSpace(scanner))
        {
            services.AddHostedService(sp => new QrScannerSignalSource(
                scanner,
                sp.GetRequiredService<CardSignalFeed>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<QrScannerSignalSource>>()));
        }

        services.AddSingleton(sp => new ReceptionCoordinator(
            sp.GetRequiredService<IOptions<EdgeReceptionOptions>>().Value,
            sp.GetRequiredService<IOptions<EdgeOptions>>().Value.KioskId,
            sp.GetRequiredService<IReceptionJournal>(),
            sp.GetRequiredService<CardSignalFeed>(),
            Presenters(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ReceptionCoordinator>>(),
            sp.GetService<IMediaNode>() ?? sp.GetService<MediaService>(),
            sp.GetService<ICitizenCardReader>(),
            sp.GetService<ButtonPanel>()));
        services.AddSingleton<IReceptionStatus>(sp => sp.GetRequiredService<ReceptionCoordinator>());
        services.AddHostedService(sp => sp.GetRequiredService<ReceptionCoordinator>());
        return builder;
    }

    private static List<IReceptionPresenter> Presenters(IServiceProvider services)
    {
        var presenters = new List<IReceptionPresenter>();
        if (services.GetService<KioskScreenServer>() is { } screen)
        {
            presenters.Add(new ScreenReceptionPresenter(screen));
        }

        if (services.GetService<VoicePlayer>() is { } voice)
        {
            presenters.Add(new VoiceReceptionPresenter(voice));
        }

        if (services.GetService<ButtonPanel>() is { } panel)
        {
            presenters.Add(new LedReceptionPresenter(panel));
        }

        presenters.AddRange(services.GetServices<IReceptionPresenter>());
        return presenters;
    }
}
