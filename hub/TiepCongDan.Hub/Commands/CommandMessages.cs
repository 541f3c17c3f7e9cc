using System.Globalization;

namespace TiepCongDan.Hub.Commands;

/// <summary>What operators read about a command (Vietnamese, the console's language).</summary>
public static class CommandMessages
{
    public static string ConfirmRequired(string word) =>
        $"Lệnh \"{word}\" làm gián đoạn điểm cầu. Hãy xác nhận (gửi lại với \"confirm\": true) nếu chắc chắn muốn thực hiện.";

    public static string Unknown(string? word) => $"Không có lệnh \"{word}\". Các lệnh được phép được liệt kê trong \"allowed\".";

    public static string Offline(string kioskId) => $"Điểm cầu {kioskId} đang mất kết nối; lệnh sẽ bị mất. Hãy thử lại khi điểm cầu trực tuyến.";

    public const string SessionLive =
        "Điểm cầu đang có phiên tiếp công dân: không được chụp màn hình hay chụp ảnh camera khi có công dân (bảo vệ dữ liệu cá nhân). Hãy thử lại sau khi phiên kết thúc.";

    public const string BrokerDown = "Trung tâm chưa kết nối được máy chủ MQTT; lệnh chưa được gửi.";

    public static string UnknownKiosk(string kioskId) => $"Không có điểm cầu {kioskId}.";

    public static string UnknownCommand(string commandId) => $"Không có lệnh {commandId}.";

    public static string TimedOut(int seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"Điểm cầu không trả lời trong {seconds} giây.");

    public const string RestartAcknowledged = "Điểm cầu đã nhận lệnh và đang khởi động lại.";

    public const string BackAfterRestart = "Điểm cầu đã khởi động lại và kết nối lại với trung tâm.";

    public const string ArtifactDeleted = "Tệp kết quả đã được xoá khi hết thời hạn lưu giữ.";
}
