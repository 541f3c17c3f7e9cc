namespace TiepCongDan.Hub.Metrics;

/// <summary>A Prometheus histogram with fixed buckets. Thread-safe by a small lock (observations are cheap).</summary>
public sealed class Histogram
{
    private readonly double[] _bounds;
    private readonly long[] _counts;
    private readonly Lock _gate = new();
    private double _sum;
    private long _count;

    public Histogram(string name, string help, double[] bounds)
    {
        Name = name;
        Help = help;
        _bounds = bounds;
        _counts = new long[bounds.Length];
    }

    public string Name { get; }

    public string Help { get; }

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Observe(double value)
    {
        lock (_gate)
        {
            _sum += value;
            _count++;
            for (var i = 0; i < _bounds.Length; i++)
            {
                if (value <= _bounds[i])
                {
                    _counts[i]++;
                }
            }
        }
    }

    public (double[] Bounds, long[] Cumulative, double Sum, long Count) Snapshot()
    {
        lock (_gate)
        {
            return (_bounds, (long[])_counts.Clone(), _sum, _count);
        }
    }
}
