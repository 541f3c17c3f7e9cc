namespace TiepCongDan.Benchmarks.Hub;

/// <summary>K segments PATCHed through the hub's upload API with P in parallel: throughput, per-segment times, hub CPU.</summary>
public sealed record ArchiveWriteResult(int Parallel, int Segments, long BytesEach, double WallSeconds, IReadOnlyList<double> SegmentMs, double HubCpuPercent)
{
    public double MegabytesPerSecond => Segments * (double)BytesEach / (1024 * 1024) / WallSeconds;
}
