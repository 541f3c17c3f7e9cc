namespace TiepCongDan.Edge.Watchdog;

/// <summary>Last-beat timestamp from the injected TimeProvider. Alive at start, so the first sample has time to run.</summary>
public sealed class NodeLiveness(TimeProvider time) : INodeLiveness
{
    private long _lastBeat = time.GetTimestamp();

    public void Beat() => Interlocked.Exchange(ref _lastBeat, time.GetTimestamp());

    public bool IsAlive(TimeSpan maxAge) => time.GetElapsedTime(Interlocked.Read(ref _lastBeat)) <= maxAge;
}
