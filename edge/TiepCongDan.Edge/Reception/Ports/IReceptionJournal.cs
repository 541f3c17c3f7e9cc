using TiepCongDan.Contracts.Reception;

namespace TiepCongDan.Edge.Reception.Ports;

/// <summary>
/// The kiosk's durable record of every reception transition, and the outbox that carries them to
/// the hub. <see cref="Append"/> returns only once the event is on disk (a power cut after it
/// loses nothing); the citizen in an event is encrypted at rest. Sending happens in the background
/// and survives restarts and any length of link loss.
/// </summary>
public interface IReceptionJournal
{
    /// <summary>Stores the event durably and queues it for the hub. Throws when the disk refuses (full, read-only): the flow then shows an error.</summary>
    void Append(ReceptionEvent reception);

    /// <summary>The last event of a session that was never closed (its last event is not a return to Idle), e.g. after a kill; null when none.</summary>
    ReceptionEvent? OpenSessionTail();

    /// <summary>Events not yet acknowledged by the hub.</summary>
    long PendingUpload { get; }
}
