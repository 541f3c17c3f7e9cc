namespace TiepCongDan.Hub.Archive;

/// <summary>The session is not complete and sealed yet, or holds no segment, so it cannot be exported (API: 409).</summary>
public sealed class SessionNotSealedException : Exception
{
    public SessionNotSealedException(string message)
        : base(message)
    {
    }
}
