namespace TiepCongDan.Hub.Archive;

/// <summary>No session with this id is declared or archived (API: 404).</summary>
public sealed class SessionNotFoundException : Exception
{
    public SessionNotFoundException(string sessionId)
        : base($"Session {sessionId} is not in the archive.")
    {
        SessionId = sessionId;
    }

    public string SessionId { get; }
}
