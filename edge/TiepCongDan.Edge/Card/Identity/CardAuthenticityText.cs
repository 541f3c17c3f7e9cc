namespace TiepCongDan.Edge.Card.Identity;

/// <summary>Wire words (JSON, register) and Vietnamese labels for authenticity results.</summary>
public static class CardAuthenticityText
{
    public static string ToWire(this CardAuthenticityStatus status) => status switch
    {
        CardAuthenticityStatus.Valid => "valid",
        CardAuthenticityStatus.Invalid => "invalid",
        CardAuthenticityStatus.UnknownIssuer => "unknown-issuer",
        CardAuthenticityStatus.Simulated => "simulated",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string ToWire(this ActiveAuthenticationStatus status) => status switch
    {
        ActiveAuthenticationStatus.Valid => "valid",
        ActiveAuthenticationStatus.Invalid => "invalid",
        ActiveAuthenticationStatus.NotSupported => "not-supported",
        ActiveAuthenticationStatus.NotPresent => "not-present",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string ToVietnamese(this CardAuthenticityStatus status) => status switch
    {
        CardAuthenticityStatus.Valid => "Hợp lệ (dữ liệu do cơ quan cấp thẻ ký)",
        CardAuthenticityStatus.Invalid => "KHÔNG hợp lệ (dữ liệu trên chip đã bị sửa hoặc chip giả)",
        CardAuthenticityStatus.UnknownIssuer => "Không xác định được cơ quan cấp (chưa có chứng thư CSCA tin cậy)",
        CardAuthenticityStatus.Simulated => "Thẻ mô phỏng (không phải thẻ thật, không xác thực)",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string ToVietnamese(this ActiveAuthenticationStatus status) => status switch
    {
        ActiveAuthenticationStatus.Valid => "Hợp lệ (chip thật)",
        ActiveAuthenticationStatus.Invalid => "KHÔNG hợp lệ (chip không chứng minh được khoá riêng)",
        ActiveAuthenticationStatus.NotSupported => "Không kiểm tra được (thuật toán chưa hỗ trợ)",
        ActiveAuthenticationStatus.NotPresent => "Thẻ không hỗ trợ",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string ToWire(this AccessProtocol protocol) => protocol switch
    {
        AccessProtocol.Pace => "PACE",
        AccessProtocol.Bac => "BAC",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol)),
    };
}
