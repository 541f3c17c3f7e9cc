using SQLite;

namespace TiepCongDan.Edge.Store;

/// <summary>Table "meta": small counters that must survive restarts (bdSeq, outbox dropped).</summary>
[Table("meta")]
internal sealed class MetaRow
{
    [PrimaryKey, Column("key")]
    public string Key { get; set; } = string.Empty;

    [Column("value")]
    public long Value { get; set; }
}
