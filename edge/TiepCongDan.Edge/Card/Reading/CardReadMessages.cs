namespace TiepCongDan.Edge.Card.Reading;

/// <summary>What the staff read when a card read fails: Vietnamese, one sentence, saying what to do next.</summary>
public static class CardReadMessages
{
    public const string WrongKeyMrz = "Thẻ từ chối khoá đọc từ dòng MRZ: hãy kiểm tra số giấy tờ, ngày sinh và ngày hết hạn ở mặt sau thẻ.";

    public const string WrongKeyQr = "Thẻ từ chối khoá tạo từ mã QR: hãy quét lại mã QR ở mặt trước của chính thẻ này.";

    public const string WrongKeyCan = "Thẻ từ chối số CAN: hãy kiểm tra 6 số cuối của số định danh cá nhân.";

    public const string KeyFromAnotherCard = "Mã QR hoặc số đã nhập thuộc một thẻ khác với thẻ trên đầu đọc: hãy quét mã QR của chính thẻ này.";

    public const string CardRemoved = "Thẻ đã bị rút ra khi đang đọc, hãy đặt lại thẻ";

    public const string NoReader = "Không tìm thấy đầu đọc thẻ: hãy kiểm tra dây cắm đầu đọc và dịch vụ pcscd.";

    public const string NoCard = "Chưa có thẻ trên đầu đọc: hãy đặt thẻ căn cước lên đầu đọc.";

    public const string NoPace = "Thẻ này không hỗ trợ đọc bằng số CAN: hãy dùng mã QR hoặc dòng MRZ.";

    public const string Timeout = "Đầu đọc hoặc thẻ không trả lời: hãy đặt lại thẻ và thử lại.";

    public const string CardError = "Không đọc được dữ liệu trên chip: hãy đặt lại thẻ và thử lại; nếu vẫn lỗi, chip có thể bị hỏng.";

    public const string Generic = "Không đọc được thẻ: hãy thử lại.";

    public static string WrongKey(CardAccessKeySource source) => source switch
    {
        CardAccessKeySource.Mrz => WrongKeyMrz,
        CardAccessKeySource.Qr => WrongKeyQr,
        CardAccessKeySource.Can => WrongKeyCan,
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    /// <summary>The English reason for logs, naming the input to check.</summary>
    public static string WrongKeyReason(CardAccessKeySource source) => source switch
    {
        CardAccessKeySource.Mrz => "The card refused the BAC key from the MRZ: check the document number, date of birth and date of expiry.",
        CardAccessKeySource.Qr => "The card refused every key derived from the QR (PACE-CAN and the BAC expiry candidates): re-scan this card's QR.",
        CardAccessKeySource.Can => "The card refused the CAN: check the last 6 digits of the ID number.",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };
}
