namespace TiepCongDan.Hub.Alerts;

/// <summary>
/// The built-in setting of every rule and the merge with the configuration: a province's value
/// wins over the fleet's (Hub:Alerts:Rules), which wins over the default here.
/// </summary>
public static class AlertRuleDefaults
{
    private static readonly Dictionary<string, AlertRuleSettings> Defaults = new(StringComparer.Ordinal)
    {
        // Threshold unused: the kiosk is offline (MQTT session gone or silent past the grace time).
        [AlertRuleIds.Offline] = new(AlertRuleIds.Offline, true, 0, 0, 0, 300, 60, AlertSeverity.Critical),
        // °C of the SoC; a Pi 4 throttles at 80-85 °C.
        [AlertRuleIds.CpuTemperature] = new(AlertRuleIds.CpuTemperature, true, 80, 0, 0, 120, 300, AlertSeverity.Warning),
        // Threshold unused: any of the firmware's current throttling bits (under-voltage, capped, throttled, soft limit).
        [AlertRuleIds.Throttled] = new(AlertRuleIds.Throttled, true, 0, 0, 0, 60, 300, AlertSeverity.Warning),
        // % free on the data partition, or the media store says low/full.
        [AlertRuleIds.DiskLow] = new(AlertRuleIds.DiskLow, true, 10, 0, 0, 60, 300, AlertSeverity.Warning),
        [AlertRuleIds.Peripheral] = new(AlertRuleIds.Peripheral, true, 0, 0, 0, 30, 60, AlertSeverity.Critical),
        [AlertRuleIds.VideoFrozen] = new(AlertRuleIds.VideoFrozen, true, 0, 0, 0, 10, 60, AlertSeverity.Critical),
        [AlertRuleIds.MicrophoneSilent] = new(AlertRuleIds.MicrophoneSilent, true, 0, 0, 0, 10, 60, AlertSeverity.Warning),
        // % of packets lost over the kiosk's last interval.
        [AlertRuleIds.SrtLoss] = new(AlertRuleIds.SrtLoss, true, 5, 0, 0, 30, 120, AlertSeverity.Warning),
        [AlertRuleIds.ClockUnsynced] = new(AlertRuleIds.ClockUnsynced, true, 0, 0, 0, 300, 60, AlertSeverity.Warning),
        // Pending segments; MaxBytes pending bytes (2 GiB); RisingMinutes of growth without a drop.
        [AlertRuleIds.UploadBacklog] = new(AlertRuleIds.UploadBacklog, true, 200, 2L * 1024 * 1024 * 1024, 60, 60, 300, AlertSeverity.Warning),
        [AlertRuleIds.SelfTestFailed] = new(AlertRuleIds.SelfTestFailed, true, 0, 0, 0, 0, 0, AlertSeverity.Critical),
    };

    public static AlertRuleSettings Default(string rule) => Defaults[rule];

    public static AlertRuleSettings Resolve(AlertOptions options, string province, string rule)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = Defaults[rule];
        if (options.Rules.TryGetValue(rule, out var fleet))
        {
            settings = Apply(settings, fleet);
        }

        if (options.Provinces.TryGetValue(province, out var rules) && rules.TryGetValue(rule, out var local))
        {
            settings = Apply(settings, local);
        }

        return settings;
    }

    private static AlertRuleSettings Apply(AlertRuleSettings s, AlertRuleOptions o) => s with
    {
        Enabled = o.Enabled ?? s.Enabled,
        Threshold = o.Threshold ?? s.Threshold,
        MaxBytes = o.MaxBytes ?? s.MaxBytes,
        RisingMinutes = o.RisingMinutes ?? s.RisingMinutes,
        ForSeconds = o.ForSeconds ?? s.ForSeconds,
        ClearSeconds = o.ClearSeconds ?? s.ClearSeconds,
        Severity = o.Severity ?? s.Severity,
    };
}
