using TiepCongDan.Edge.Reception;

namespace TiepCongDan.Edge.Screen;

/// <summary>
/// What the page says in each state when the caller gives no text of its own: one short
/// instruction, in Vietnamese with diacritics (English as the alternative).
/// </summary>
public static class KioskScreenTexts
{
    public static string Instruction(ReceptionState state, string language) => language == KioskScreenLanguages.English
        ? state switch
        {
            ReceptionState.Idle => "Please place your ID card on the reader",
            ReceptionState.CitizenPresent => "Reading your card, please wait",
            ReceptionState.Identified => "Please wait for the officer to confirm",
            ReceptionState.Connecting => "Connecting to the reception officials",
            ReceptionState.Live => "Please speak with the officials",
            ReceptionState.Ending => "The session is ending",
            ReceptionState.Rating => "How satisfied are you with this session?",
            ReceptionState.Error => "Something went wrong",
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No text for this reception state."),
        }
        : state switch
        {
            ReceptionState.Idle => "Xin mời đặt thẻ căn cước lên đầu đọc",
            ReceptionState.CitizenPresent => "Đang đọc thẻ, xin vui lòng chờ",
            ReceptionState.Identified => "Xin vui lòng chờ cán bộ xác nhận",
            ReceptionState.Connecting => "Đang kết nối với cán bộ tiếp công dân",
            ReceptionState.Live => "Xin mời trình bày với cán bộ",
            ReceptionState.Ending => "Phiên tiếp công dân đang kết thúc",
            ReceptionState.Rating => "Xin mời đánh giá mức độ hài lòng",
            ReceptionState.Error => "Đã có lỗi xảy ra",
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No text for this reception state."),
        };

    /// <summary>
    /// The four answers, best first, left to right as the four rating buttons and in their colours
    /// (green, blue, yellow, red: what the voice says). Text colours keep 7:1 or more on each.
    /// </summary>
    public static IReadOnlyList<RatingChoice> RatingChoices(string language) => language == KioskScreenLanguages.English
        ?
        [
            new("very-satisfied", "Very satisfied", "#0b5d1e", "#ffffff"),
            new("satisfied", "Satisfied", "#0a4d8c", "#ffffff"),
            new("neutral", "Neutral", "#ffd21f", "#111111"),
            new("dissatisfied", "Dissatisfied", "#8b1a1a", "#ffffff"),
        ]
        :
        [
            new("very-satisfied", "Rất hài lòng", "#0b5d1e", "#ffffff"),
            new("satisfied", "Hài lòng", "#0a4d8c", "#ffffff"),
            new("neutral", "Bình thường", "#ffd21f", "#111111"),
            new("dissatisfied", "Không hài lòng", "#8b1a1a", "#ffffff"),
        ];
}
