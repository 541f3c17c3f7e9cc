using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Registry;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Alerts;

/// <summary>
/// Reads the values the rules need from a kiosk snapshot. A peripheral's own metric (Video/Frozen
/// of the camera, Audio/Silent of the microphone) is looked up as "{device}/{metric}" first, then
/// as the bare name, so it works however the ingest keeps device metrics.
/// </summary>
public static class AlertInputs
{
    public static double? Number(KioskSnapshot kiosk, string metric) =>
        kiosk.Metrics.TryGetValue(metric, out var value) ? MetricValues.ToDouble(value) : null;

    public static bool? Flag(KioskSnapshot kiosk, string metric) =>
        kiosk.Metrics.TryGetValue(metric, out var value) ? ToBool(value) : null;

    public static string? Text(KioskSnapshot kiosk, string metric) =>
        kiosk.Metrics.TryGetValue(metric, out var value) ? value switch
        {
            string s => s,
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } e => e.GetString(),
            _ => null,
        } : null;

    public static bool? DeviceFlag(KioskSnapshot kiosk, string device, string metric) =>
        Flag(kiosk, $"{device}/{metric}") ?? Flag(kiosk, metric);

    /// <summary>True while a reception session runs on the kiosk (Media/Session not empty).</summary>
    public static bool InSession(KioskSnapshot kiosk) => !string.IsNullOrEmpty(Text(kiosk, MediaMetrics.SessionId));

    private static bool? ToBool(object? value) => value switch
    {
        bool b => b,
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.True } => true,
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.False } => false,
        _ => MetricValues.ToDouble(value) is { } d ? d != 0 : null,
    };
}
