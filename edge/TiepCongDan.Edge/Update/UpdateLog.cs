using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Update;

internal static partial class UpdateLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Update {Id}: version {Version} installed beside {Previous}, current switched; confirm before {Deadline:o}")]
    public static partial void Installed(ILogger logger, string id, string version, string? previous, DateTimeOffset deadline);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Update {Id}: version {Version} confirmed healthy and kept")]
    public static partial void Kept(ILogger logger, string id, string version);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Update {Id}: version {Version} not confirmed by {Deadline:o}; rolled back to {Previous} and marked bad")]
    public static partial void RolledBack(ILogger logger, string id, string version, string? previous, DateTimeOffset deadline);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Warning, Message = "Update {Id}: install of {Version} stopped before the switch; {Previous} stays")]
    public static partial void Abandoned(ILogger logger, string id, string version, string? previous);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Error, Message = "Update {Id}: version {Version} not confirmed and there is no previous release to roll back to; marked bad, left running")]
    public static partial void CannotRollBack(ILogger logger, string id, string version);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Information, Message = "Update {Id}: version {Version} confirmed after {Seconds} s online towards the hub")]
    public static partial void Confirmed(ILogger logger, string id, string version, int seconds);

    [LoggerMessage(EventId = 9007, Level = LogLevel.Warning, Message = "Update confirmation could not be written")]
    public static partial void ConfirmFailed(ILogger logger, Exception exception);
}
