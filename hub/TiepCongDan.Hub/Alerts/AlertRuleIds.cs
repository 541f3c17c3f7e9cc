namespace TiepCongDan.Hub.Alerts;

/// <summary>The alert rules the hub knows; the ids are the keys under Hub:Alerts:Rules and in the API.</summary>
public static class AlertRuleIds
{
    public const string Offline = "offline";
    public const string CpuTemperature = "cpu-temperature";
    public const string Throttled = "throttled";
    public const string DiskLow = "disk-low";
    public const string Peripheral = "peripheral";
    public const string VideoFrozen = "video-frozen";
    public const string MicrophoneSilent = "microphone-silent";
    public const string SrtLoss = "srt-loss";
    public const string ClockUnsynced = "clock-unsynced";
    public const string UploadBacklog = "upload-backlog";
    public const string SelfTestFailed = "self-test-failed";

    public static IReadOnlyList<string> All { get; } =
    [
        Offline, CpuTemperature, Throttled, DiskLow, Peripheral, VideoFrozen, MicrophoneSilent, SrtLoss, ClockUnsynced, UploadBacklog, SelfTestFailed,
    ];

    public static bool IsKnown(string? rule) => rule is not null && All.Contains(rule, StringComparer.Ordinal);
}
