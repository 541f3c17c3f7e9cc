using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Auth;

/// <summary>Creates the first admin when there is no account yet: password from TCD_ADMIN_PASSWORD, or generated and printed once.</summary>
public static class AdminBootstrap
{
    public const string EnvironmentVariable = "TCD_ADMIN_PASSWORD";

    public static void EnsureAdmin(UserStore users, ILogger logger, string? environmentPassword, TextWriter console)
    {
        if (users.Any())
        {
            return;
        }

        if (!string.IsNullOrEmpty(environmentPassword))
        {
            users.Save("admin", environmentPassword, Roles.Admin);
            AuthLog.AdminFromEnvironment(logger);
            return;
        }

        var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
        users.Save("admin", generated, Roles.Admin);
        // Straight to the console, not the log files: the password must not end up in log archives.
        console.WriteLine($"Mật khẩu quản trị ban đầu (chỉ hiện một lần): tài khoản admin, mật khẩu {generated}");
        console.Flush();
    }
}
