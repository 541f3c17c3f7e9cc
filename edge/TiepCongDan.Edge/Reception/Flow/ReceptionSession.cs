using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Reception.Flow;

/// <summary>What the flow knows about the open session (from leaving Idle to coming back). One thread.</summary>
internal sealed class ReceptionSession(string id)
{
    public string Id { get; } = id;

    /// <summary>The last seq journaled.</summary>
    public int Seq { get; set; }

    public DateTimeOffset? CardPresentedAt { get; set; }

    public DateTimeOffset? ButtonAt { get; set; }

    /// <summary>The key from the QR or MRZ; never logged unmasked.</summary>
    public CardAccessKey? Key { get; set; }

    /// <summary>The raw QR text, kept to identify from the QR alone when no chip reader is installed.</summary>
    public string? QrText { get; set; }

    public ReceptionCitizen? Citizen { get; set; }

    /// <summary>The display name for the screen (never the ID number).</summary>
    public string? CitizenName { get; set; }

    public bool Reading { get; set; }

    public string? CaseKind { get; set; }

    public string? Rating { get; set; }

    public bool MediaStartRequested { get; set; }

    public bool WentLive { get; set; }

    public bool LinkLost { get; set; }

    /// <summary>Why the session failed, for the Error screen and the event's detail.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>The prompt the Error state speaks instead of its own (card read failed); null: the state's.</summary>
    public VoicePromptId? ErrorPrompt { get; set; }
}
