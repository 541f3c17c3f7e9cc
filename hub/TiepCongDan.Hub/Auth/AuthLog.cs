using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Auth;

/// <summary>Log lines of authentication (event ids 4000-4099).</summary>
internal static partial class AuthLog
{
    [LoggerMessage(4000, LogLevel.Warning, "Failed login for user {User} from {Remote}")]
    public static partial void LoginFailed(ILogger logger, string user, string remote);

    [LoggerMessage(4001, LogLevel.Information, "Created the first admin account 'admin' (password from TCD_ADMIN_PASSWORD)")]
    public static partial void AdminFromEnvironment(ILogger logger);

    [LoggerMessage(4002, LogLevel.Information, "User {User} created or updated with role {Role} by {By}")]
    public static partial void UserSaved(ILogger logger, string user, string role, string by);
}
