using SQLite;

namespace TiepCongDan.Edge.Reception.Journal;

/// <summary>One row of the reception_events table: the event as JSON without the citizen, the citizen sealed apart.</summary>
internal sealed class JournalRow
{
    [Column("id")]
    public long Id { get; set; }

    [Column("session")]
    public string Session { get; set; } = string.Empty;

    [Column("seq")]
    public int Seq { get; set; }

    [Column("to_state")]
    public string ToState { get; set; } = string.Empty;

    [Column("created_ms")]
    public long CreatedMs { get; set; }

    [Column("json")]
    public string Json { get; set; } = string.Empty;

    /// <summary>AES-256-GCM of the citizen's JSON (<see cref="CitizenSeal"/>); null when the event has none or the hub acknowledged it.</summary>
    [Column("citizen")]
    public byte[]? Citizen { get; set; }

    [Column("uploaded_ms")]
    public long? UploadedMs { get; set; }

    [Column("parked_ms")]
    public long? ParkedMs { get; set; }

    [Column("parked_reason")]
    public string? ParkedReason { get; set; }
}
