namespace TiepCongDan.Benchmarks.Hub;

/// <summary>What one receiving path got: one-way latency per frame-starting packet (ms), packets expected and lost, streams reached.</summary>
public sealed record PathResult(string Path, IReadOnlyList<double> LatenciesMs, long Expected, long Lost, int StreamsReached, int Streams)
{
    public double P50 => Percentiles.Of(LatenciesMs, 50);

    public double P99 => Percentiles.Of(LatenciesMs, 99);

    public bool Clean => Lost == 0 && StreamsReached == Streams;
}
