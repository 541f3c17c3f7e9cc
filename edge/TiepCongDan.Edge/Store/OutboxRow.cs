using SQLite;

namespace TiepCongDan.Edge.Store;

/// <summary>Table "outbox": one offline data message.</summary>
[Table("outbox")]
internal sealed class OutboxRow
{
    [PrimaryKey, AutoIncrement, Column("id")]
    public long Id { get; set; }

    /// <summary>"NDATA" or "DDATA".</summary>
    [Column("message_type"), NotNull]
    public string MessageType { get; set; } = string.Empty;

    [Column("device_id")]
    public string? DeviceId { get; set; }

    /// <summary>The Sparkplug protobuf payload as it would have been sent live.</summary>
    [Column("payload"), NotNull]
    public byte[] Payload { get; set; } = [];

    /// <summary>When the data was sampled, ms since the Unix epoch.</summary>
    [Column("created_ms")]
    public long CreatedMs { get; set; }
}
