using TiepCongDan.Contracts.Sparkplug;

namespace TiepCongDan.Edge.Store;

/// <summary>A data message (NDATA or DDATA) produced while offline: its protobuf payload, metric timestamps as sampled.</summary>
public sealed record OutboxRecord(long Id, SparkplugMessageType MessageType, string? DeviceId, byte[] Payload, long CreatedMs);
