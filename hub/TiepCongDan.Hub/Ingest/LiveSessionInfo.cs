using System.Net;

namespace TiepCongDan.Hub.Ingest;

/// <summary>A kiosk session streaming to the hub right now, and its link as the hub measures it.</summary>
public sealed record LiveSessionInfo(
    string SessionId,
    string KioskId,
    string Province,
    DateTimeOffset StartedAt,
    IPEndPoint Peer)
{
    /// <summary>Updated about once a second by the ingest; null before the first measurement.</summary>
    public LiveLinkStats? Link { get; init; }
}
