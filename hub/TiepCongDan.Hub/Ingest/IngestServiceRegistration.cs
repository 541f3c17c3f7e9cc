namespace TiepCongDan.Hub.Ingest;

/// <summary>Registers the SRT ingest: the live session bus others subscribe to, its metrics and the listener.</summary>
public static class IngestServiceRegistration
{
    /// <summary>Needs the media archive (<c>AddMediaArchive</c>), the broker's authorizer and the fleet secret registered too.</summary>
    public static IServiceCollection AddSrtIngest(this IServiceCollection services)
    {
        services.AddSingleton<LiveSessionBus>();
        services.AddSingleton<ILiveSessionBus>(sp => sp.GetRequiredService<LiveSessionBus>());
        services.AddSingleton<IngestMetrics>();
        services.AddSingleton<LiveSegmentConfirmer>();
        services.AddSingleton<SrtIngestService>();
        services.AddHostedService(sp => sp.GetRequiredService<SrtIngestService>());
        return services;
    }
}
