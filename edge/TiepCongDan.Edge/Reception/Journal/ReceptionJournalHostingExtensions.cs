using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Media.Session;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception.Journal;
using TiepCongDan.Edge.Reception.Ports;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the reception journal into the edge's host (in the namespace callers already import).</summary>
public static class ReceptionJournalHostingExtensions
{
    /// <summary>
    /// Validated "Edge:ReceptionJournal" options and the <see cref="IReceptionJournal"/> in
    /// {Edge:DataDirectory}/reception.db always; its uploader (a hosted service sending to the hub at
    /// Edge:Media:Upload:HubUrl with the kiosk's MQTT password) unless Edge:ReceptionJournal:UploadEnabled
    /// is false or the kiosk has no media (Edge:Media:Enabled false). Needs <see cref="EdgeOptions"/> registered (AddTcdEdge does).
    /// </summary>
    public static IHostApplicationBuilder AddReceptionJournal(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EdgeReceptionJournalOptions>()
            .Bind(builder.Configuration.GetSection(EdgeReceptionJournalOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeReceptionJournalOptions>, EdgeReceptionJournalOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteReceptionJournal(
            sp.GetRequiredService<IOptions<EdgeOptions>>().Value.DataDirectory,
            sp.GetRequiredService<IOptions<EdgeReceptionJournalOptions>>().Value.Retention,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("TiepCongDan.Edge.Reception.Journal")));
        services.AddSingleton<IReceptionJournal>(sp => sp.GetRequiredService<SqliteReceptionJournal>());
        // Like the media uploader it shares its address and credentials with: off on a kiosk without
        // media (a health-only node, possibly with a client certificate and no password).
        var uploadEnabled = builder.Configuration.GetSection(EdgeReceptionJournalOptions.SectionName).GetValue<bool?>(nameof(EdgeReceptionJournalOptions.UploadEnabled)) ?? true;
        var mediaEnabled = builder.Configuration.GetSection("Edge:Media").GetValue<bool?>(nameof(EdgeMediaOptions.Enabled)) ?? true;
        if (uploadEnabled && mediaEnabled)
        {
            // The media upload's hub address and credentials: a kiosk has one hub.
            services.AddSingleton(sp => new ReceptionEventUploader(
                sp.GetRequiredService<SqliteReceptionJournal>(),
                MediaSettingsFactory.Uploader(sp.GetRequiredService<IOptions<EdgeOptions>>().Value),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("TiepCongDan.Edge.Reception.Upload")));
            services.AddHostedService(sp => sp.GetRequiredService<ReceptionEventUploader>());
        }

        return builder;
    }
}
