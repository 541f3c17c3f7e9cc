using TiepCongDan.Contracts.Fleet;

namespace TiepCongDan.Hub.Api;

/// <summary>The API's command words and the Node Control metric each one writes.</summary>
public static class KioskCommands
{
    public static IReadOnlyDictionary<string, string> ToMetric { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rebirth"] = NodeMetrics.Rebirth,
        ["restart-service"] = NodeMetrics.RestartService,
        ["reboot"] = NodeMetrics.Reboot,
        ["ping"] = NodeMetrics.Ping,
        ["start-session"] = MediaMetrics.StartSession,
        ["stop-session"] = MediaMetrics.StopSession,
    };
}
