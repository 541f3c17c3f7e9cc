using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Commands;

/// <summary>Log lines of remote commands (event ids 9300-9399).</summary>
internal static partial class CommandLog
{
    [LoggerMessage(9300, LogLevel.Information, "Command {CommandId} {Command} sent to kiosk {KioskId} by {User}")]
    public static partial void Sent(ILogger logger, string commandId, string command, string kioskId, string user);

    [LoggerMessage(9301, LogLevel.Information, "Command {Command} for kiosk {KioskId} by {User} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string command, string kioskId, string user, string reason);

    [LoggerMessage(9302, LogLevel.Information, "Command {CommandId} on kiosk {KioskId}: {State}")]
    public static partial void Finished(ILogger logger, string commandId, string kioskId, string state);

    [LoggerMessage(9303, LogLevel.Warning, "Kiosk {KioskId} sent an unreadable outcome for command {CommandId}: {Reason}")]
    public static partial void BadOutcome(ILogger logger, string kioskId, string commandId, string reason);

    [LoggerMessage(9304, LogLevel.Information, "Artifact of command {CommandId} ({Bytes} bytes) {What}")]
    public static partial void Artifact(ILogger logger, string commandId, long bytes, string what);

    [LoggerMessage(9305, LogLevel.Error, "The command sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
