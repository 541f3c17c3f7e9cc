using System.Globalization;

namespace TiepCongDan.Hub.Alerts;

/// <summary>The sentence an operator reads for an alert, in Vietnamese and in English.</summary>
public static class AlertMessages
{
    private static readonly Dictionary<string, string> DeviceNames = new(StringComparer.Ordinal)
    {
        ["camera"] = "Camera", ["microphone"] = "Micrô", ["speaker"] = "Loa", ["display"] = "Màn hình",
        ["card-reader"] = "Đầu đọc thẻ", ["button-panel"] = "Bảng nút",
    };

    public static (string Vietnamese, string English) For(string kioskId, string rule, string subject, double? value, AlertRuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var v = value is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) : "?";
        var t = settings.Threshold.ToString("0.#", CultureInfo.InvariantCulture);
        var minutes = (settings.ForSeconds / 60.0).ToString("0.#", CultureInfo.InvariantCulture);
        var device = DeviceNames.GetValueOrDefault(subject, subject);
        return rule switch
        {
            AlertRuleIds.Offline => ($"Ki-ốt {kioskId} mất kết nối quá {minutes} phút.", $"Kiosk {kioskId} has been offline for more than {minutes} minutes."),
            AlertRuleIds.CpuTemperature => ($"Ki-ốt {kioskId}: nhiệt độ CPU {v} °C, vượt ngưỡng {t} °C.", $"Kiosk {kioskId}: CPU temperature {v} °C is above {t} °C."),
            AlertRuleIds.Throttled => ($"Ki-ốt {kioskId}: CPU đang bị hạ xung (thiếu điện áp hoặc quá nóng, mã {v}).", $"Kiosk {kioskId}: the CPU is throttled (under-voltage or heat, code {v})."),
            AlertRuleIds.DiskLow => ($"Ki-ốt {kioskId}: ổ đĩa sắp đầy, còn trống {v}% (ngưỡng {t}%).", $"Kiosk {kioskId}: disk nearly full, {v}% free (limit {t}%)."),
            AlertRuleIds.Peripheral => ($"Ki-ốt {kioskId}: thiết bị {device} không hoạt động (không thấy hoặc lỗi).", $"Kiosk {kioskId}: peripheral {subject} is absent or faulty."),
            AlertRuleIds.VideoFrozen => ($"Ki-ốt {kioskId}: hình ảnh camera bị đứng.", $"Kiosk {kioskId}: the camera picture is frozen."),
            AlertRuleIds.MicrophoneSilent => ($"Ki-ốt {kioskId}: micrô không thu được âm thanh trong phiên tiếp công dân.", $"Kiosk {kioskId}: the microphone is silent during a session."),
            AlertRuleIds.SrtLoss => ($"Ki-ốt {kioskId}: đường truyền mất {v}% gói tin (ngưỡng {t}%).", $"Kiosk {kioskId}: the uplink loses {v}% of packets (limit {t}%)."),
            AlertRuleIds.ClockUnsynced => ($"Ki-ốt {kioskId}: đồng hồ chưa được đồng bộ.", $"Kiosk {kioskId}: the clock is not synchronised."),
            AlertRuleIds.UploadBacklog => ($"Ki-ốt {kioskId}: dữ liệu ghi hình chờ gửi lên đang tồn đọng ({v} đoạn).", $"Kiosk {kioskId}: the upload backlog is growing ({v} segments pending)."),
            AlertRuleIds.SelfTestFailed => ($"Ki-ốt {kioskId}: lần tự kiểm tra gần nhất không đạt.", $"Kiosk {kioskId}: the last self-test failed."),
            _ => ($"Ki-ốt {kioskId}: cảnh báo {rule}.", $"Kiosk {kioskId}: alert {rule}."),
        };
    }
}
