using System.Globalization;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Edge.Health;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// The clock is synchronised: the kernel's NTP state (adjtimex, as the health sampler reads it,
/// whichever of chrony or systemd-timesyncd disciplines it) and the offset to the hub's clock as
/// <see cref="HubLinkCheck"/> measured it (or one ping when that check did not run). A kiosk has no RTC, so an unsynchronised clock stamps
/// recordings and the register wrongly.
/// </summary>
public sealed class ClockCheck(IClockSyncProbe probe, Func<CancellationToken, Task<long?>> hubOffsetMs) : ISelfTestCheck
{
    public const long MaxOffsetMs = 2000;

    public string Id => SelfTestCheckIds.Clock;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public (string Vietnamese, string English) Advice =>
        ("Kiểm tra dịch vụ đồng bộ giờ (timedatectl status; chronyc tracking) và kết nối mạng, rồi chạy lại tự kiểm tra.",
         "Check the time sync service (timedatectl status; chronyc tracking) and the network, then rerun the self-test.");

    public async Task<SelfTestOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var (adviceVi, adviceEn) = Advice;
        var synced = probe.IsSynchronized();
        var offset = await hubOffsetMs(cancellationToken);
        var near = offset is { } o && Math.Abs(o) < MaxOffsetMs;
        var offsetText = offset is { } ms ? ms.ToString(CultureInfo.InvariantCulture) + " ms" : "chưa đo được";
        var offsetTextEn = offset is { } ms2 ? ms2.ToString(CultureInfo.InvariantCulture) + " ms" : "not measured";
        var outcome = (synced, offset, near) switch
        {
            (true, null, _) or (true, _, true) => SelfTestOutcome.Pass($"Đồng hồ đã đồng bộ (lệch so với trung tâm: {offsetText}).",
                $"The clock is synchronised (offset to the hub: {offsetTextEn})."),
            (true, _, false) => SelfTestOutcome.Warn($"Đồng hồ báo đã đồng bộ nhưng lệch so với trung tâm {offsetText}.",
                $"The clock says it is synchronised but differs from the hub's by {offsetTextEn}.",
                "Kiểm tra máy chủ giờ (NTP) mà điểm cầu dùng có giống trung tâm không; báo kỹ thuật viên trung tâm.",
                "Check that the kiosk uses the same NTP servers as the hub; tell the hub's technician."),
            (false, _, true) => SelfTestOutcome.Warn($"Đồng hồ chưa được NTP đồng bộ, nhưng chỉ lệch so với trung tâm {offsetText}.",
                $"NTP has not synchronised the clock yet, but it is only {offsetTextEn} off the hub's.", adviceVi, adviceEn),
            _ => SelfTestOutcome.Fail($"Đồng hồ chưa được đồng bộ (lệch so với trung tâm: {offsetText}).",
                $"The clock is not synchronised (offset to the hub: {offsetTextEn}).", adviceVi, adviceEn),
        };
        outcome.With("synchronized", synced ? "true" : "false");
        if (offset is { } value)
        {
            outcome.With("hubOffsetMs", value);
        }

        return outcome;
    }
}
