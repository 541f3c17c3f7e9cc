namespace TiepCongDan.Benchmarks.Hub;

/// <summary>The hub's own counters over one phase (deltas of /metrics) and the segments the senders opened.</summary>
public sealed record HubCounters(double Confirmed, double DiscardedAtEnd, double DiscardedOther, double BridgeDrops, long SegmentsSent);
