using System.Globalization;
using System.Text;

namespace TiepCongDan.Edge.Card.Identity;

/// <summary>The identity record as the staff read it: Vietnamese labels, dates dd/MM/yyyy, the authenticity result last.</summary>
public static class CitizenIdentityText
{
    private const int LabelWidth = 26;

    /// <summary>The whole record, ID unmasked: for the staff's screen or the technician's terminal, never for a log.</summary>
    public static string Format(CitizenIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var text = new StringBuilder();
        Line(text, "Số định danh cá nhân", identity.IdNumber);
        Line(text, "Họ và tên", identity.FullName);
        Line(text, "Ngày sinh", Date(identity.DateOfBirth));
        Line(text, "Giới tính", identity.Sex);
        Line(text, "Quốc tịch", identity.Nationality);
        Line(text, "Dân tộc", identity.Ethnicity);
        Line(text, "Tôn giáo", identity.Religion);
        Line(text, "Quê quán", identity.PlaceOfOrigin);
        Line(text, "Nơi thường trú", identity.PlaceOfResidence);
        Line(text, "Ngày cấp", identity.DateOfIssue is { } issue ? Date(issue) : "—");
        Line(text, "Có giá trị đến", identity.DateOfExpiry is { } expiry ? Date(expiry) : Fallback(identity.DateOfExpiryText, "Không thời hạn"));
        Line(text, "Họ tên cha", identity.FatherName ?? "—");
        Line(text, "Họ tên mẹ", identity.MotherName ?? "—");
        if (identity.SpouseName is { } spouse)
        {
            Line(text, "Họ tên vợ/chồng", spouse);
        }

        Line(text, "Xác thực dữ liệu", identity.Authenticity.Status.ToVietnamese());
        Line(text, "  Lý do", identity.Authenticity.Reason);
        Line(text, "Xác thực chip (AA)", identity.Authenticity.Active.Status.ToVietnamese());
        Line(text, "Giao thức truy cập", identity.AccessProtocol.ToWire());
        Line(text, "Thời gian đọc", string.Create(CultureInfo.InvariantCulture, $"{identity.ReadDuration.TotalMilliseconds:0} ms"));
        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, string value) =>
        text.Append((label + ":").PadRight(LabelWidth)).Append(value).Append('\n');

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Fallback(string text, string otherwise) => string.IsNullOrWhiteSpace(text) ? otherwise : text;
}
