using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Tests.Reception;

/// <summary>A journal in memory that keeps what it accepted, refuses when told to, and may hold an open session from "before the restart".</summary>
internal sealed class RecordingReceptionJournal : IReceptionJournal
{
    private readonly Lock _gate = new();
    private readonly List<ReceptionEvent> _events = [];

    /// <summary>Events for which <see cref="Append"/> throws (as a full or read-only disk would).</summary>
    public Func<ReceptionEvent, bool>? FailWhen { get; set; }

    public ReceptionEvent? OpenTail { get; set; }

    public int Refused { get; private set; }

    public IReadOnlyList<ReceptionEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public long PendingUpload => Events.Count;

    public void Append(ReceptionEvent reception)
    {
        lock (_gate)
        {
            if (FailWhen?.Invoke(reception) == true)
            {
                Refused++;
                throw new IOException("No space left on device (test).");
            }

            _events.Add(reception);
        }
    }

    public ReceptionEvent? OpenSessionTail() => OpenTail;

    public IReadOnlyList<ReceptionEvent> Session(string sessionId) => Events.Where(e => e.SessionId == sessionId).ToList();
}
