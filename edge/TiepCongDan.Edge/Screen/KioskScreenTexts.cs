using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Reception;

namespace TiepCongDan.Edge.Screen;

/// <summary>
/// What the page says in each state when the caller gives no text of its own: the state's shown
/// instruction from <see cref="ReceptionStateTexts"/> (where the spoken sentence sits beside it),
/// in Vietnamese with diacritics (English as the alternative), and what the four buttons answer:
/// the case kind in Identified, the satisfaction in Rating.
/// </summary>
public static class KioskScreenTexts
{
    public static string Instruction(ReceptionState state, string language) =>
        ReceptionStateTexts.For(state, english: language == KioskScreenLanguages.English).Shown;

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

    /// <summary>
    /// The four case kinds the citizen chooses from in Identified, on the same four buttons (same
    /// positions and colours as the rating), in the order the voice reads them.
    /// </summary>
    public static IReadOnlyList<RatingChoice> CaseKindChoices(string language) => language == KioskScreenLanguages.English
        ?
        [
            new(CaseKinds.Complaint, "Complaint", "#0b5d1e", "#ffffff"),
            new(CaseKinds.Denunciation, "Denunciation", "#0a4d8c", "#ffffff"),
            new(CaseKinds.Petition, "Petition", "#ffd21f", "#111111"),
            new(CaseKinds.Feedback, "Feedback", "#8b1a1a", "#ffffff"),
        ]
        :
        [
            new(CaseKinds.Complaint, CaseKinds.VietnameseName(CaseKinds.Complaint), "#0b5d1e", "#ffffff"),
            new(CaseKinds.Denunciation, CaseKinds.VietnameseName(CaseKinds.Denunciation), "#0a4d8c", "#ffffff"),
            new(CaseKinds.Petition, CaseKinds.VietnameseName(CaseKinds.Petition), "#ffd21f", "#111111"),
            new(CaseKinds.Feedback, CaseKinds.VietnameseName(CaseKinds.Feedback), "#8b1a1a", "#ffffff"),
        ];
}
