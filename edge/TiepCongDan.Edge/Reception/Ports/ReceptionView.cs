using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Reception.Ports;

/// <summary>
/// What the citizen should see, hear and the LEDs show at one moment; the flow hands one to every
/// <see cref="IReceptionPresenter"/> on each transition or in-state event.
/// </summary>
/// <param name="CitizenName">Display name only, never the ID number.</param>
/// <param name="Prompt">An in-state prompt to speak instead of the state's own (card read failed, wrong QR, thanks...); null: the state's.</param>
/// <param name="Message">The Vietnamese sentence for the Error screen (what went wrong and what to do).</param>
/// <param name="CountdownSeconds">Seconds until the state moves on by itself.</param>
public sealed record ReceptionView(
    ReceptionState State,
    string? SessionId = null,
    string? CitizenName = null,
    VoicePromptId? Prompt = null,
    string? Message = null,
    int? CountdownSeconds = null,
    string? CaseKind = null,
    string? Rating = null);
