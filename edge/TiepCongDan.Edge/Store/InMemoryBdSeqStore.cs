namespace TiepCongDan.Edge.Store;

/// <summary>bdSeq kept in memory (simulated kiosks): starts at 0 each process start.</summary>
public sealed class InMemoryBdSeqStore : IBdSeqStore
{
    private long _next = -1;

    public ulong NextBdSeq() => (ulong)(Interlocked.Increment(ref _next) % 256);
}
