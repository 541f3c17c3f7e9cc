using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using TiepCongDan.Edge.Reception;

namespace TiepCongDan.Edge.Screen;

/// <summary>
/// Everything the kiosk page shows at one moment. Immutable: the caller builds a new one per
/// change and hands it to <see cref="KioskScreenServer.Show"/>. Carries the citizen's display name
/// at most, never the ID number: the page is a screen anyone in the room can read.
/// </summary>
public sealed partial record KioskScreenState
{
    // Vietnamese letters stay readable in the JSON; HTML-sensitive characters (<, >, &, quotes) are still escaped.
    private static readonly JsonTypeInfo<KioskScreenState> JsonInfo = (JsonTypeInfo<KioskScreenState>)new JsonSerializerOptions(KioskScreenJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    }.GetTypeInfo(typeof(KioskScreenState));

    public required ReceptionState State { get; init; }

    /// <summary>The one instruction shown large.</summary>
    public required string Instruction { get; init; }

    /// <summary>The citizen's name as read from the card (Identified, Connecting, Live); never the ID number.</summary>
    public string? CitizenName { get; init; }

    /// <summary>The sentence saying what went wrong and what to do (Error).</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>What the four buttons answer: the satisfaction (Rating) or the case kind (Identified); empty in other states.</summary>
    public IReadOnlyList<RatingChoice> RatingChoices { get; init; } = [];

    /// <summary>Seconds until the state moves on by itself (e.g. the rating's timeout); the page counts down locally.</summary>
    public int? CountdownSeconds { get; init; }

    /// <summary>"vi" or "en".</summary>
    public string Language { get; init; } = KioskScreenLanguages.Vietnamese;

    /// <summary>Where the officials' video comes from (Live); absent: the page shows a placeholder.</summary>
    public Uri? OfficialsVideoUrl { get; init; }

    /// <summary>Where the citizen's self-view comes from (Live); absent: the page shows a placeholder.</summary>
    public Uri? SelfViewUrl { get; init; }

    /// <summary>The default screen for a state: its instruction and, for Identified and Rating, the four buttons' answers.</summary>
    public static KioskScreenState For(ReceptionState state, string language = KioskScreenLanguages.Vietnamese) => new()
    {
        State = state,
        Instruction = KioskScreenTexts.Instruction(state, language),
        RatingChoices = state switch
        {
            ReceptionState.Rating => KioskScreenTexts.RatingChoices(language),
            ReceptionState.Identified => KioskScreenTexts.CaseKindChoices(language),
            _ => [],
        },
        Language = language,
    };

    /// <summary>The JSON the page receives: camelCase names, the state by name ("Live"), absent values left out.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonInfo);

    /// <summary>Refuses a state the page cannot show or must not show (an ID number in the name).</summary>
    /// <exception cref="ArgumentException">What is wrong, without repeating the personal data.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(State))
        {
            throw new ArgumentException($"Reception state {(int)State} is not defined.", nameof(State));
        }

        if (string.IsNullOrWhiteSpace(Instruction))
        {
            throw new ArgumentException("The instruction is empty: every screen shows one instruction.", nameof(Instruction));
        }

        if (!KioskScreenLanguages.IsKnown(Language))
        {
            throw new ArgumentException($"Language '{Language}' is not vi or en.", nameof(Language));
        }

        if (CitizenName is not null && DigitRun().IsMatch(CitizenName))
        {
            // The message must not echo the value: it may be the citizen's 12-digit ID number.
            throw new ArgumentException("The citizen name contains a run of digits (an ID number?): the screen shows the name only.", nameof(CitizenName));
        }
    }

    [GeneratedRegex("[0-9]{4,}")]
    private static partial Regex DigitRun();
}
