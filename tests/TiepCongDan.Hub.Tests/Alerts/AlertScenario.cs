using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Alerts;
using TiepCongDan.Hub.Registry;

namespace TiepCongDan.Hub.Tests.Alerts;

/// <summary>How to break and mend one rule's condition on a healthy kiosk (see <see cref="AlertHarness.Healthy"/>).</summary>
public sealed record AlertScenario(string Rule, string Subject, Action<KioskRecord> Break, Action<KioskRecord> Mend)
{
    public override string ToString() => Rule + (Subject.Length > 0 ? "/" + Subject : string.Empty);

    public static IReadOnlyList<AlertScenario> All { get; } =
    [
        new(AlertRuleIds.Offline, string.Empty, r => r.Online = false, r => r.Online = true),
        new(AlertRuleIds.CpuTemperature, string.Empty, r => r.Metrics[NodeMetrics.CpuTemperature] = 86.5, r => r.Metrics[NodeMetrics.CpuTemperature] = 60.0),
        new(AlertRuleIds.Throttled, string.Empty, r => r.Metrics[NodeMetrics.Throttled] = 0x50005UL, r => r.Metrics[NodeMetrics.Throttled] = 0x50000UL),
        new(AlertRuleIds.DiskLow, string.Empty, r => r.Metrics[NodeMetrics.DiskFree] = 1_000_000_000UL, r => r.Metrics[NodeMetrics.DiskFree] = 20_000_000_000UL),
        new(AlertRuleIds.Peripheral, DeviceKinds.CardReader,
            r => r.Devices[DeviceKinds.CardReader] = new DeviceState("absent", "reader unplugged"),
            r => r.Devices[DeviceKinds.CardReader] = new DeviceState("present", string.Empty)),
        new(AlertRuleIds.Peripheral, DeviceKinds.Camera,
            r => r.Devices[DeviceKinds.Camera] = new DeviceState("faulty", "no frames"),
            r => r.Devices[DeviceKinds.Camera] = new DeviceState("present", string.Empty)),
        new(AlertRuleIds.VideoFrozen, DeviceKinds.Camera, r => r.Metrics["camera/" + MediaMetrics.Frozen] = true, r => r.Metrics["camera/" + MediaMetrics.Frozen] = false),
        new(AlertRuleIds.MicrophoneSilent, DeviceKinds.Microphone,
            r =>
            {
                r.Metrics[MediaMetrics.SessionId] = "14-04171-20261123-0001";
                r.Metrics["microphone/" + MediaMetrics.Silent] = true;
            },
            r => r.Metrics["microphone/" + MediaMetrics.Silent] = false),
        new(AlertRuleIds.SrtLoss, string.Empty,
            r =>
            {
                r.Metrics[MediaMetrics.SessionId] = "14-04171-20261123-0002";
                r.Metrics[MediaMetrics.UplinkLossPercent] = 12.5;
            },
            r => r.Metrics[MediaMetrics.UplinkLossPercent] = 0.4),
        new(AlertRuleIds.ClockUnsynced, string.Empty, r => r.Metrics[NodeMetrics.ClockSynced] = false, r => r.Metrics[NodeMetrics.ClockSynced] = true),
        new(AlertRuleIds.UploadBacklog, string.Empty, r => r.Metrics[MediaMetrics.PendingSegments] = 450UL, r => r.Metrics[MediaMetrics.PendingSegments] = 3UL),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var s in All)
        {
            data.Add(s.ToString());
        }

        return data;
    }

    public static AlertScenario Named(string name) => All.Single(s => s.ToString() == name);
}
