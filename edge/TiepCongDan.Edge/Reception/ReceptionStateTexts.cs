using System.Collections.Frozen;

namespace TiepCongDan.Edge.Reception;

/// <summary>
/// The one place each reception state's words are written, for the screen
/// (<see cref="Screen.KioskScreenTexts"/>) and the voice (<see cref="Voice.VoicePromptCatalog"/>):
/// Vietnamese with diacritics, the citizen addressed as "ông bà"; English for visitors and tests.
/// In-state sentences (card read failed, wrong QR, the buttons' colours...) are the voice
/// catalog's own.
/// </summary>
public static class ReceptionStateTexts
{
    private static readonly FrozenDictionary<ReceptionState, ReceptionStateText> Vietnamese = new Dictionary<ReceptionState, ReceptionStateText>
    {
        [ReceptionState.Idle] = new("Xin mời đặt thẻ căn cước lên đầu đọc", "Kính chào ông bà. Mời ông bà đặt thẻ căn cước lên đầu đọc thẻ."),
        [ReceptionState.CitizenPresent] = new("Đang đọc thẻ, xin vui lòng chờ", "Đang đọc thẻ. Xin ông bà giữ yên thẻ trên đầu đọc."),
        [ReceptionState.Identified] = new("Xin chọn loại việc", "Xin ông bà chọn loại việc cần trình bày bằng bốn nút bấm, hoặc chờ cán bộ xác nhận."),
        [ReceptionState.Connecting] = new("Đang kết nối với cán bộ tiếp công dân", "Đang kết nối với cán bộ tiếp công dân. Xin ông bà vui lòng chờ."),
        [ReceptionState.Live] = new("Xin mời trình bày với cán bộ", "Đã kết nối. Mời ông bà nhìn vào màn hình và trình bày với cán bộ."),
        [ReceptionState.Ending] = new("Phiên tiếp công dân đang kết thúc", "Buổi tiếp công dân đã kết thúc. Xin cảm ơn ông bà."),
        [ReceptionState.Rating] = new("Xin mời đánh giá mức độ hài lòng", "Xin ông bà cho biết mức độ hài lòng, bằng một trong bốn nút bấm."),
        [ReceptionState.Error] = new("Đã có lỗi xảy ra", "Máy đang gặp sự cố. Xin ông bà báo cán bộ xã để được giúp đỡ."),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<ReceptionState, ReceptionStateText> English = new Dictionary<ReceptionState, ReceptionStateText>
    {
        [ReceptionState.Idle] = new("Please place your ID card on the reader", "Welcome. Please place your citizen ID card on the card reader."),
        [ReceptionState.CitizenPresent] = new("Reading your card, please wait", "Reading your card. Please keep the card still on the reader."),
        [ReceptionState.Identified] = new("Choose your matter", "Please choose what your matter is about with the four buttons, or wait for the staff to confirm."),
        [ReceptionState.Connecting] = new("Connecting to the reception officials", "Connecting you to the reception officials. Please wait."),
        [ReceptionState.Live] = new("Please speak with the officials", "You are connected. Please look at the screen and speak with the officials."),
        [ReceptionState.Ending] = new("The session is ending", "The reception session has ended. Thank you."),
        [ReceptionState.Rating] = new("How satisfied are you with this session?", "Please tell us how satisfied you are, with one of the four buttons."),
        [ReceptionState.Error] = new("Something went wrong", "The kiosk has a problem. Please ask the commune staff for help."),
    }.ToFrozenDictionary();

    /// <summary>The state's words in Vietnamese, or in English when <paramref name="english"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A state without words.</exception>
    public static ReceptionStateText For(ReceptionState state, bool english = false) =>
        (english ? English : Vietnamese).TryGetValue(state, out var text)
            ? text
            : throw new ArgumentOutOfRangeException(nameof(state), state, "No text for this reception state.");
}
