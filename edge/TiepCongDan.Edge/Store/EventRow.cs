using SQLite;

namespace TiepCongDan.Edge.Store;

/// <summary>Table "events": the node's local journal.</summary>
[Table("events")]
internal sealed class EventRow
{
    [PrimaryKey, AutoIncrement, Column("id")]
    public long Id { get; set; }

    [Column("timestamp_ms")]
    public long TimestampMs { get; set; }

    [Column("kind"), NotNull]
    public string Kind { get; set; } = string.Empty;

    [Column("detail"), NotNull]
    public string Detail { get; set; } = string.Empty;
}
