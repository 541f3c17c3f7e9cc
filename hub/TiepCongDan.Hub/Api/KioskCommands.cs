using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Commands;

namespace TiepCongDan.Hub.Api;

/// <summary>The API's command words and the Node Control metric each one writes.</summary>
public static class KioskCommands
{
    public static IReadOnlyDictionary<string, RemoteCommandKind> All { get; } = new RemoteCommandKind[]
    {
        new("rebirth", NodeMetrics.Rebirth),
        new("restart-media", NodeMetrics.RestartMedia, Disruptive: true),
        new("restart-service", NodeMetrics.RestartService, Disruptive: true, Slow: true),
        new("reboot", NodeMetrics.Reboot, Disruptive: true, Slow: true),
        new("selftest", NodeMetrics.SelfTest, Slow: true),
        new("collect-logs", NodeMetrics.CollectLogs, Slow: true),
        new("screenshot", NodeMetrics.Screenshot, Private: true),
        new("camera-still", NodeMetrics.CameraStill, Private: true),
        new("ping", NodeMetrics.Ping),
        new("start-session", MediaMetrics.StartSession),
        new("stop-session", MediaMetrics.StopSession),
        new("line-test", MediaMetrics.LineTest),
    }.ToDictionary(k => k.Word, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> ToMetric { get; } =
        All.Values.ToDictionary(k => k.Word, k => k.Metric, StringComparer.Ordinal);
}
