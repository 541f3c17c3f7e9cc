using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Registry;

namespace TiepCongDan.Hub.Alerts;

/// <summary>
/// The conditions of every rule on one kiosk, from its snapshot. A rule turned off yields "clear",
/// so an alert it had opened closes. While the kiosk is offline its last values are stale: the
/// rules that read them yield "unknown", and only offline (and self-test) speak.
/// </summary>
public static class AlertRules
{
    // get_throttled bits 0-3: under-voltage, frequency capped, throttled, soft temperature limit (now, not "has occurred").
    private const long CurrentThrottleBits = 0xF;

    public static IEnumerable<AlertCondition> Evaluate(
        KioskSnapshot kiosk, Func<string, AlertRuleSettings> settings, BacklogTrend backlog, Func<string, bool?>? selfTestFailed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(kiosk);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(backlog);
        var live = kiosk.Online;

        yield return Rule(settings(AlertRuleIds.Offline), string.Empty, !kiosk.Online,
            kiosk.LastSeen is { } seen ? Math.Round((now - seen).TotalMinutes, 1) : null);

        var temperature = AlertInputs.Number(kiosk, NodeMetrics.CpuTemperature);
        var heat = settings(AlertRuleIds.CpuTemperature);
        yield return Rule(heat, string.Empty, live && temperature is { } t ? t > heat.Threshold : null, temperature);

        var throttled = AlertInputs.Number(kiosk, NodeMetrics.Throttled);
        yield return Rule(settings(AlertRuleIds.Throttled), string.Empty,
            live && throttled is { } bits ? ((long)bits & CurrentThrottleBits) != 0 : null, throttled);

        yield return Disk(kiosk, settings(AlertRuleIds.DiskLow), live);

        var peripheral = settings(AlertRuleIds.Peripheral);
        foreach (var (device, state) in kiosk.Devices.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var broken = state.Status is "absent" or "faulty";
            yield return Rule(peripheral, device, live ? broken : null, broken ? 1 : 0);
        }

        var frozen = AlertInputs.DeviceFlag(kiosk, DeviceKinds.Camera, MediaMetrics.Frozen);
        yield return Rule(settings(AlertRuleIds.VideoFrozen), DeviceKinds.Camera, live ? frozen ?? false : null, frozen is true ? 1 : 0);

        var silent = AlertInputs.DeviceFlag(kiosk, DeviceKinds.Microphone, MediaMetrics.Silent);
        var inSession = AlertInputs.InSession(kiosk);
        yield return Rule(settings(AlertRuleIds.MicrophoneSilent), DeviceKinds.Microphone,
            live ? inSession && silent is true : null, silent is true ? 1 : 0);

        var loss = AlertInputs.Number(kiosk, MediaMetrics.UplinkLossPercent);
        var lossRule = settings(AlertRuleIds.SrtLoss);
        // No session, no loss figure: that is clear, not unknown, so an alert of the last session closes.
        yield return Rule(lossRule, string.Empty, live ? inSession && loss is { } l && l > lossRule.Threshold : null, loss);

        var synced = AlertInputs.Flag(kiosk, NodeMetrics.ClockSynced);
        yield return Rule(settings(AlertRuleIds.ClockUnsynced), string.Empty, live && synced is { } s ? !s : null, synced is false ? 1 : 0);

        yield return Backlog(kiosk, settings(AlertRuleIds.UploadBacklog), backlog, now);

        if (selfTestFailed is not null)
        {
            var failed = selfTestFailed(kiosk.DeviceId);
            yield return Rule(settings(AlertRuleIds.SelfTestFailed), string.Empty, failed, failed is true ? 1 : 0);
        }
    }

    private static AlertCondition Disk(KioskSnapshot kiosk, AlertRuleSettings rule, bool live)
    {
        var free = AlertInputs.Number(kiosk, NodeMetrics.DiskFree);
        var total = AlertInputs.Number(kiosk, NodeMetrics.DiskTotal);
        var level = AlertInputs.Text(kiosk, MediaMetrics.StorageLevel);
        double? percent = free is { } f && total is > 0 ? Math.Round(f * 100 / total.Value, 1) : null;
        if (!live || (percent is null && level is null))
        {
            return Rule(rule, string.Empty, null, percent);
        }

        return Rule(rule, string.Empty, percent < rule.Threshold || level is "low" or "full", percent);
    }

    private static AlertCondition Backlog(KioskSnapshot kiosk, AlertRuleSettings rule, BacklogTrend trend, DateTimeOffset now)
    {
        var segments = AlertInputs.Number(kiosk, MediaMetrics.PendingSegments);
        var bytes = AlertInputs.Number(kiosk, MediaMetrics.PendingBytes);
        if (!kiosk.Online || (segments is null && bytes is null))
        {
            return Rule(rule, string.Empty, null, segments);
        }

        // The trend follows bytes when the kiosk sends them (a segment count hides a growing segment size).
        var rising = trend.Observe(kiosk.DeviceId, bytes ?? segments ?? 0, now, TimeSpan.FromMinutes(rule.RisingMinutes));
        var holds = segments > rule.Threshold || bytes > rule.MaxBytes || rising;
        return Rule(rule, string.Empty, holds, segments);
    }

    private static AlertCondition Rule(AlertRuleSettings rule, string subject, bool? holds, double? value) =>
        new(rule.Rule, subject, rule.Enabled ? holds : false, value);
}
