namespace TiepCongDan.Edge.Reception;

/// <summary>
/// Where a citizen's visit to the kiosk stands (issue 6's session flow). The screen shows one
/// instruction per state and the voice speaks it; the state machine that moves between them is
/// built on these names.
/// </summary>
public enum ReceptionState
{
    /// <summary>Nobody at the kiosk: the screen invites a citizen to present the ID card.</summary>
    Idle,

    /// <summary>A card or QR was presented, or staff pressed the button: reading the card.</summary>
    CitizenPresent,

    /// <summary>The card was read: the citizen's name is shown and staff confirms.</summary>
    Identified,

    /// <summary>Calling the provincial or central reception point.</summary>
    Connecting,

    /// <summary>Talking with the officials: their video large, the citizen's self-view small.</summary>
    Live,

    /// <summary>The session is ending (staff long press, officials hung up, or the link failed).</summary>
    Ending,

    /// <summary>The citizen rates the session with the four buttons.</summary>
    Rating,

    /// <summary>Something went wrong (card unreadable, no link): what to do next is shown and spoken.</summary>
    Error,
}
