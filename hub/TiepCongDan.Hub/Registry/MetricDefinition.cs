using TiepCongDan.Contracts.Sparkplug;

namespace TiepCongDan.Hub.Registry;

/// <summary>A metric announced in a birth: its name and type, so later data may use only the alias.</summary>
public sealed record MetricDefinition(string Name, SparkplugDataType DataType, string? Device);
