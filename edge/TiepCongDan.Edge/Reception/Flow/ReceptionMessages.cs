namespace TiepCongDan.Edge.Reception.Flow;

/// <summary>The flow's own sentences for the screen and the event's detail (Vietnamese, no personal data).</summary>
public static class ReceptionMessages
{
    /// <summary>Shown in place of a name when the staff vouched for a citizen without reading a card.</summary>
    public const string UnidentifiedCitizen = "Công dân chưa xác định danh tính (cán bộ xác nhận)";

    public const string WrongCode = "Mã vừa quét không phải mã QR hoặc dòng MRZ của thẻ căn cước: xin đưa mặt trước của thẻ vào máy quét.";

    public const string NoMedia = "Điểm cầu chưa sẵn sàng ghi hình và truyền trực tuyến: xin vui lòng báo cán bộ xã.";

    public const string ConnectionFailed = "Không kết nối được với cán bộ tiếp công dân: xin vui lòng thử lại sau ít phút hoặc báo cán bộ xã.";

    public const string ConnectionTimedOut = "Chưa kết nối được với cán bộ tiếp công dân trong thời gian chờ: xin vui lòng thử lại sau ít phút.";

    public const string OtherSessionRunning = "Điểm cầu đang có một phiên khác đang ghi: xin vui lòng báo cán bộ xã.";

    public const string JournalFailed = "Máy không ghi được nhật ký phiên tiếp công dân (bộ nhớ đầy hoặc hỏng): xin vui lòng báo kỹ thuật viên.";

    public const string InternalError = "Máy gặp sự cố ngoài dự kiến: xin vui lòng báo cán bộ xã.";
}
