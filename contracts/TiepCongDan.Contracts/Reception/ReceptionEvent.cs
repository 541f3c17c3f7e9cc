namespace TiepCongDan.Contracts.Reception;

/// <summary>
/// One transition of a kiosk's reception session, as the kiosk journals it and sends it to the hub
/// (POST <see cref="ReceptionProtocol.EventsPath"/>). Events of a session are numbered from 1 with
/// no gaps; the hub keeps the first copy of each (session, seq) and answers a resend with the same
/// receipt, so the kiosk can resend after any failure. Field names are camelCase on the wire.
/// </summary>
/// <param name="SessionId">The reception session id; the same id names its media session and archive folder (<see cref="Media.MediaSessionId"/> format).</param>
/// <param name="Seq">1, 2, 3... within the session.</param>
/// <param name="KioskId">The kiosk that ran the session (must match the authenticated kiosk).</param>
/// <param name="AtMs">When the transition happened, Unix ms (the kiosk's clock).</param>
/// <param name="From">The state left (ReceptionState name: Idle, CitizenPresent, Identified, Connecting, Live, Ending, Rating, Error).</param>
/// <param name="To">The state entered.</param>
/// <param name="Trigger">What caused it (<see cref="ReceptionTriggers"/>).</param>
/// <param name="Citizen">The citizen in full; only on the event that identified them. Encrypted at rest on both sides, never logged.</param>
/// <param name="CaseKind">The case kind once chosen (<see cref="CaseKinds"/>).</param>
/// <param name="Rating">The rating once given (<see cref="SessionRatings"/>).</param>
/// <param name="Staff">The commune staff member on duty at the kiosk (configuration).</param>
/// <param name="Outcome">On the event that closes the session (back to Idle): <see cref="SessionOutcomes"/>.</param>
/// <param name="CardToLiveMs">On the event entering Live: ms from the card (or QR) being presented.</param>
/// <param name="ButtonToLiveMs">On the event entering Live: ms from the staff button that started or confirmed the session.</param>
/// <param name="Detail">A short reason in Vietnamese for a person (e.g. why the session failed); no personal data.</param>
public sealed record ReceptionEvent(
    string SessionId,
    int Seq,
    string KioskId,
    long AtMs,
    string From,
    string To,
    string Trigger,
    ReceptionCitizen? Citizen = null,
    string? CaseKind = null,
    string? Rating = null,
    string? Staff = null,
    string? Outcome = null,
    long? CardToLiveMs = null,
    long? ButtonToLiveMs = null,
    string? Detail = null);
