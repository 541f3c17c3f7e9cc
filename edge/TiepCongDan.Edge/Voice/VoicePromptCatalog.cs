using System.Collections.Frozen;
using TiepCongDan.Edge.Reception;

namespace TiepCongDan.Edge.Voice;

/// <summary>
/// The spoken sentences: each state's from <see cref="ReceptionStateTexts"/> (beside what the
/// screen shows), and here the few said within a state. Short sentences, one instruction each, the
/// citizen addressed as "ông bà" (polite to an elderly person of either sex); what to press is
/// told by colour and position, since the listener may not read the labels.
/// </summary>
public static class VoicePromptCatalog
{
    private static readonly FrozenDictionary<VoicePromptId, string> Vietnamese = new Dictionary<VoicePromptId, string>
    {
        [VoicePromptId.CardReadFailed] = "Chưa đọc được thẻ. Xin ông bà đặt lại thẻ lên đầu đọc, và giữ yên.",
        [VoicePromptId.WrongQr] = "Mã này không phải mã trên thẻ căn cước. Xin ông bà đưa mặt trước của thẻ vào máy quét.",
        [VoicePromptId.RatingButtons] = "Rất hài lòng, bấm nút màu xanh lá, bên trái. Hài lòng, bấm nút màu xanh dương. Bình thường, bấm nút màu vàng. Không hài lòng, bấm nút màu đỏ, bên phải.",
        [VoicePromptId.CaseKindButtons] = "Khiếu nại, bấm nút màu xanh lá, bên trái. Tố cáo, bấm nút màu xanh dương. Kiến nghị, bấm nút màu vàng. Phản ánh, bấm nút màu đỏ, bên phải.",
        [VoicePromptId.RatingThanks] = "Xin cảm ơn ông bà đã đánh giá. Chúc ông bà mạnh khỏe.",
        [VoicePromptId.SessionEnding] = "Buổi tiếp công dân sắp kết thúc.",
        [VoicePromptId.LinkLost] = "Đường truyền bị gián đoạn. Đang kết nối lại, xin ông bà vui lòng chờ.",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<VoicePromptId, string> English = new Dictionary<VoicePromptId, string>
    {
        [VoicePromptId.CardReadFailed] = "The card could not be read. Please place it on the reader again, and keep it still.",
        [VoicePromptId.WrongQr] = "This code is not the one on a citizen ID card. Please show the front of your card to the scanner.",
        [VoicePromptId.RatingButtons] = "Very satisfied, press the green button, on the left. Satisfied, press the blue button. Neutral, press the yellow button. Dissatisfied, press the red button, on the right.",
        [VoicePromptId.CaseKindButtons] = "A complaint, press the green button, on the left. A denunciation, press the blue button. A petition, press the yellow button. Feedback, press the red button, on the right.",
        [VoicePromptId.RatingThanks] = "Thank you for your rating. Take care.",
        [VoicePromptId.SessionEnding] = "The reception session is about to end.",
        [VoicePromptId.LinkLost] = "The connection was interrupted. Reconnecting, please wait.",
    }.ToFrozenDictionary();

    /// <summary>Every prompt, in declaration order.</summary>
    public static IReadOnlyList<VoicePromptId> All { get; } = Enum.GetValues<VoicePromptId>();

    /// <summary>The sentence spoken for <paramref name="id"/> (NFC-normalised Unicode); a state's prompt is its <see cref="ReceptionStateText.Spoken"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id or language this catalog does not know.</exception>
    public static string Text(VoicePromptId id, VoiceLanguage language = VoiceLanguage.Vietnamese)
    {
        if (Enum.TryParse<ReceptionState>(id.ToString(), out var state) && Enum.IsDefined(state))
        {
            if (!Enum.IsDefined(language))
            {
                throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown voice language.");
            }

            return ReceptionStateTexts.For(state, english: language == VoiceLanguage.English).Spoken;
        }

        var table = language switch
        {
            VoiceLanguage.Vietnamese => Vietnamese,
            VoiceLanguage.English => English,
            _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown voice language."),
        };
        return table.TryGetValue(id, out var text)
            ? text
            : throw new ArgumentOutOfRangeException(nameof(id), id, "No sentence is written for this prompt.");
    }

    /// <summary>The prompt spoken on entering <paramref name="state"/>.</summary>
    public static VoicePromptId ForState(ReceptionState state) => state switch
    {
        ReceptionState.Idle => VoicePromptId.Idle,
        ReceptionState.CitizenPresent => VoicePromptId.CitizenPresent,
        ReceptionState.Identified => VoicePromptId.Identified,
        ReceptionState.Connecting => VoicePromptId.Connecting,
        ReceptionState.Live => VoicePromptId.Live,
        ReceptionState.Ending => VoicePromptId.Ending,
        ReceptionState.Rating => VoicePromptId.Rating,
        ReceptionState.Error => VoicePromptId.Error,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No prompt for this reception state."),
    };

    /// <summary>
    /// What is said on entering <paramref name="state"/>: its prompt, and where the four buttons
    /// answer (Identified: the case kind; Rating: the rating) also which button means what, so a
    /// citizen who cannot read the labels can choose.
    /// </summary>
    public static IReadOnlyList<VoicePromptId> SequenceForState(ReceptionState state) => state switch
    {
        ReceptionState.Identified => [VoicePromptId.Identified, VoicePromptId.CaseKindButtons],
        ReceptionState.Rating => [VoicePromptId.Rating, VoicePromptId.RatingButtons],
        _ => [ForState(state)],
    };

    /// <summary>
    /// The espeak-ng voice for a language: the configured Vietnamese voice, or espeak-ng's English
    /// one when the English prompts are chosen.
    /// </summary>
    public static string EspeakVoice(VoiceLanguage language, string vietnameseVoice) =>
        language == VoiceLanguage.English ? "en" : vietnameseVoice;
}
