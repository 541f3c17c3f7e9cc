namespace TiepCongDan.Edge.Store;

/// <summary>
/// Keeps the Sparkplug birth/death sequence (bdSeq, 0..255) across restarts: each connect attempt
/// takes the next value, so the host can tell a stale NDEATH from the current session's.
/// </summary>
public interface IBdSeqStore
{
    ulong NextBdSeq();
}
