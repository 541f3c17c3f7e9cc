namespace TiepCongDan.Edge.Media.Upload;

/// <summary>What the operator reads about the upload (LastError), in Vietnamese.</summary>
internal static class OperatorMessages
{
    public const string Network = "Không kết nối được với hub để gửi bản ghi; kiosk vẫn giữ bản ghi và sẽ tự thử lại.";
    public const string Unauthorized = "Hub từ chối mã kiosk hoặc mật khẩu khi gửi bản ghi; hãy kiểm tra mật khẩu MQTT đã cấp cho kiosk.";
    public const string Forbidden = "Hub không cho kiosk này gửi bản ghi (kiosk đã bị thu hồi hoặc phiên thuộc kiosk khác); hãy liên hệ quản trị hub.";
    public const string NotDeclared = "Hub chưa ghi nhận phiên tiếp công dân này; kiosk sẽ khai báo lại và thử lại.";
    public const string Corrupt = "Một đoạn bản ghi trên kiosk bị hỏng (không giải mã được); đoạn này được giữ lại để kiểm tra.";
    public const string Rejected = "Hub không nhận một đoạn bản ghi (mã băm không khớp hoặc trùng số thứ tự với đoạn khác); đoạn này được giữ lại trên kiosk để kiểm tra.";

    public static string HubError(int statusCode) => $"Hub đang gặp lỗi (mã {statusCode}) khi nhận bản ghi; kiosk sẽ tự thử lại.";
}
