using System.Collections.Concurrent;

namespace TiepCongDan.Hub.Metrics;

/// <summary>A Prometheus counter with at most one label. Thread-safe: increments are lock-free.</summary>
public sealed class LabeledCounter
{
    private readonly ConcurrentDictionary<string, StrongBox> _values = new(StringComparer.Ordinal);

    public LabeledCounter(string name, string help, string? labelName = null)
    {
        Name = name;
        Help = help;
        LabelName = labelName;
    }

    public string Name { get; }

    public string Help { get; }

    public string? LabelName { get; }

    public void Inc(string label = "") => Interlocked.Increment(ref _values.GetOrAdd(label, _ => new StrongBox()).Value);

    public long Get(string label = "") => _values.TryGetValue(label, out var box) ? Interlocked.Read(ref box.Value) : 0;

    public long Total => _values.Values.Sum(b => Interlocked.Read(ref b.Value));

    public IEnumerable<KeyValuePair<string, long>> Values => _values.Select(kv => KeyValuePair.Create(kv.Key, Interlocked.Read(ref kv.Value.Value)));

    private sealed class StrongBox
    {
        public long Value;
    }
}
