using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Storage;

/// <summary>Log lines of the store (event ids 3000-3099).</summary>
internal static partial class StoreLog
{
    [LoggerMessage(3000, LogLevel.Information, "Loaded {Count} kiosks from {Path}; all shown offline until their next birth")]
    public static partial void Loaded(ILogger logger, int count, string path);

    [LoggerMessage(3001, LogLevel.Error, "Could not write the registry to SQLite; will retry")]
    public static partial void FlushFailed(ILogger logger, Exception exception);

    [LoggerMessage(3002, LogLevel.Information, "Deleted {Count} history rows older than {Days} days")]
    public static partial void RetentionApplied(ILogger logger, int count, int days);
}
