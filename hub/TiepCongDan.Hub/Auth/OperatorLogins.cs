using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Logging;
using TiepCongDan.Hub.Audit;

namespace TiepCongDan.Hub.Auth;

/// <summary>
/// Checks an operator's password for the Basic scheme and the login form, builds the principal
/// (name, role, provinces) and puts logins on the audit log: every form login, ok or failed; a
/// Basic failure at most once a minute per user name (with the count since), so a script with a
/// wrong password cannot flood the log; Basic successes are requests, not actions, and are not logged.
/// Thread-safe.
/// </summary>
public sealed class OperatorLogins
{
    private static readonly TimeSpan BasicFailureWindow = TimeSpan.FromMinutes(1);
    private const int MaxTrackedNames = 10_000;

    private readonly UserStore _users;
    private readonly AuditLog _audit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Since, int Suppressed)> _basicFailures = new(StringComparer.Ordinal);

    public OperatorLogins(UserStore users, AuditLog audit, TimeProvider time, ILoggerFactory loggers)
    {
        _users = users;
        _audit = audit;
        _time = time;
        _logger = loggers.CreateLogger("TiepCongDan.Hub.Auth");
    }

    /// <summary>The signed-in principal for <paramref name="scheme"/>, or null when the name or password is wrong.</summary>
    public ClaimsPrincipal? SignIn(string username, string password, string scheme, string remote, bool form)
    {
        var user = _users.Check(username, password);
        var actor = AuditActor(username);
        if (user is null)
        {
            AuthLog.LoginFailed(_logger, username, remote);
            if (form)
            {
                _audit.Record(actor, AuditActions.LoginFailed, actor, null, AuditOutcomes.Failed, $"form, from {remote}");
            }
            else
            {
                RecordBasicFailure(actor, remote);
            }

            return null;
        }

        if (form)
        {
            _audit.Record(actor, AuditActions.Login, actor, user.Provinces, AuditOutcomes.Ok, $"form, from {remote}");
        }

        return UserStore.Principal(user, scheme);
    }

    private void RecordBasicFailure(string actor, string remote)
    {
        var now = _time.GetUtcNow();
        if (_basicFailures.Count > MaxTrackedNames)
        {
            _basicFailures.Clear();
        }

        var suppressed = -1;
        _basicFailures.AddOrUpdate(actor, _ => (now, 0), (_, seen) =>
        {
            if (now - seen.Since < BasicFailureWindow)
            {
                return (seen.Since, seen.Suppressed + 1);
            }

            suppressed = seen.Suppressed;
            return (now, 0);
        });
        if (_basicFailures.TryGetValue(actor, out var entry) && entry.Since == now && entry.Suppressed == 0)
        {
            var more = suppressed > 0 ? $"; {suppressed} more failures in the minute before" : string.Empty;
            _audit.Record(actor, AuditActions.LoginFailed, actor, null, AuditOutcomes.Failed, $"basic, from {remote}{more}");
        }
    }

    /// <summary>A typed user name as the audit log's actor: at most 64 characters, "?" when empty.</summary>
    private static string AuditActor(string username)
    {
        var trimmed = username.Trim();
        return trimmed.Length == 0 ? "?" : trimmed[..Math.Min(trimmed.Length, 64)];
    }
}
