using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception.Journal;
using TiepCongDan.Edge.Reception.Ports;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the reception journal into the edge's host (in the namespace callers already import).</summary>
public static class ReceptionJournalHostingExtensions
{
    /// <summary>
    /// Validated "Edge:ReceptionJournal" options and the <see cref="IReceptionJournal"/> in
    /// {Edge:DataDirectory}/reception.db. Needs <see cref="EdgeOptions"/> registered (AddTcdEdge does).
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
        return builder;
    }
}
