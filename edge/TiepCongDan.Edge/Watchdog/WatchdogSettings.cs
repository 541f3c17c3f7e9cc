using System.Globalization;

namespace TiepCongDan.Edge.Watchdog;

/// <summary>What systemd told us through the environment: where to notify and how often to pet the watchdog.</summary>
public sealed record WatchdogSettings(string NotifySocket, TimeSpan Interval)
{
    /// <summary>
    /// Null unless WATCHDOG_USEC and NOTIFY_SOCKET are set and WATCHDOG_PID (if present) is our pid,
    /// as sd_watchdog_enabled(3) prescribes. Pets every WATCHDOG_USEC / 2.
    /// </summary>
    public static WatchdogSettings? FromEnvironment(Func<string, string?> getVariable, int processId)
    {
        var usecText = getVariable("WATCHDOG_USEC");
        var socket = getVariable("NOTIFY_SOCKET");
        if (string.IsNullOrEmpty(usecText) || string.IsNullOrEmpty(socket)
            || !ulong.TryParse(usecText, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec == 0)
        {
            return null;
        }

        var pid = getVariable("WATCHDOG_PID");
        if (!string.IsNullOrEmpty(pid) && pid != processId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return new WatchdogSettings(socket, TimeSpan.FromMicroseconds(usec / 2.0));
    }
}
