using TiepCongDan.Contracts.Sparkplug.Protobuf;

namespace TiepCongDan.Contracts.Sparkplug;

/// <summary>Builds typed Sparkplug metrics so callers never set datatype and value apart.</summary>
public static class MetricFactory
{
    public static Payload.Types.Metric Create(string name, ulong alias, SparkplugValue value, ulong timestampMs, bool historical = false)
    {
        var metric = new Payload.Types.Metric { Timestamp = timestampMs, Datatype = (uint)value.DataType };
        if (!string.IsNullOrEmpty(name))
        {
            metric.Name = name;
        }

        if (alias != 0)
        {
            metric.Alias = alias;
        }

        if (historical)
        {
            metric.IsHistorical = true;
        }

        value.WriteTo(metric);
        return metric;
    }
}
