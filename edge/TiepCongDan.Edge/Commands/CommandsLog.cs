using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Commands;

/// <summary>Log lines of the kiosk's remote commands (event ids 9400-9499).</summary>
internal static partial class CommandsLog
{
    [LoggerMessage(9400, LogLevel.Information, "Remote command {Command} ({CommandId}): {State}: {Message}")]
    public static partial void Finished(ILogger logger, string command, string commandId, string state, string message);

    [LoggerMessage(9401, LogLevel.Warning, "Could not report command {CommandId} to the hub: {Error}")]
    public static partial void ReportFailed(ILogger logger, string commandId, string error);

    [LoggerMessage(9402, LogLevel.Error, "Remote command {Command} failed")]
    public static partial void Crashed(ILogger logger, Exception exception, string command);
}
