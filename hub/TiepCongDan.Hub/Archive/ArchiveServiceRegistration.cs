namespace TiepCongDan.Hub.Archive;

/// <summary>Registers the sealed session archive and its background sealing and retention.</summary>
public static class ArchiveServiceRegistration
{
    /// <summary>Needs <see cref="Media.MediaServiceRegistration.AddMediaArchive"/> (the media tables) registered too.</summary>
    public static IServiceCollection AddSessionArchive(this IServiceCollection services, string dataDirectoryFullPath)
    {
        services.AddSingleton<ISessionFiles>(_ => new LocalSessionFiles(new ArchiveLayout(dataDirectoryFullPath)));
        services.AddSingleton<ArchiveCatalog>();
        services.AddSingleton<SessionArchive>();
        services.AddHostedService<ArchiveSealingService>();
        services.AddHostedService<ArchiveRetentionService>();
        return services;
    }
}
