namespace TiepCongDan.Edge.Reception.Journal;

/// <summary>What the operator reads about the reception journal's upload (LastError), in Vietnamese.</summary>
internal static class ReceptionOperatorMessages
{
    public const string Network = "Không kết nối được với hub để gửi nhật ký tiếp công dân; kiosk vẫn giữ nhật ký và sẽ tự thử lại.";
}
