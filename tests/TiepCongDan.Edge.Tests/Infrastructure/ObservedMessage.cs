using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;

namespace TiepCongDan.Edge.Tests.Infrastructure;

/// <summary>A Sparkplug message seen by the observing client.</summary>
internal sealed record ObservedMessage(SparkplugTopic Topic, Payload Payload, int Qos)
{
    public SparkplugMessageType Type => Topic.MessageType;

    public Payload.Types.Metric Metric(string name) => Payload.Metrics.Single(m => m.Name == name);

    public Payload.Types.Metric MetricByAlias(ulong alias) => Payload.Metrics.Single(m => m.Alias == alias);
}
