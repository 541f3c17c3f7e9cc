namespace TiepCongDan.Srt;

/// <summary>Why a connection was not established: SRT_REJECT_REASON values, plus the listener's own codes (1000+) as <see cref="PeerRejected"/>.</summary>
public enum SrtRejectReason
{
    Unknown = 0,
    System = 1,
    PeerRejected = 2,
    Resource = 3,
    Rogue = 4,
    Backlog = 5,
    InternalError = 6,
    Closed = 7,
    Version = 8,
    RendezvousCookie = 9,
    BadSecret = 10,
    Unsecure = 11,
    MessageApi = 12,
    Congestion = 13,
    Filter = 14,
    Group = 15,
    Timeout = 16,
}
