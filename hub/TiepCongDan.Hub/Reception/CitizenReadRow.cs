using SQLite;

namespace TiepCongDan.Hub.Reception;

/// <summary>Audit of who read a session's full citizen (table reception_citizen_reads): the user and the session, never the citizen.</summary>
[Table("reception_citizen_reads")]
public sealed class CitizenReadRow
{
    [PrimaryKey]
    [AutoIncrement]
    [Column("id")]
    public long Id { get; set; }

    [Column("at_ms")]
    public long AtMs { get; set; }

    [Column("user")]
    public string User { get; set; } = string.Empty;

    [Column("session")]
    [Indexed]
    public string SessionId { get; set; } = string.Empty;
}
