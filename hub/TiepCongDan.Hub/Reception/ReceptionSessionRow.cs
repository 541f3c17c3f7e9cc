using SQLite;

namespace TiepCongDan.Hub.Reception;

/// <summary>
/// One reception session as the register shows it (table reception_sessions), folded from its events.
/// The citizen is only in <see cref="CitizenSealed"/>, AES-256-GCM under the hub's reception key.
/// </summary>
[Table("reception_sessions")]
public sealed class ReceptionSessionRow
{
    [PrimaryKey]
    [Column("id")]
    public string Id { get; set; } = string.Empty;

    [Column("kiosk")]
    [Indexed]
    public string KioskId { get; set; } = string.Empty;

    [Column("commune")]
    public string Commune { get; set; } = string.Empty;

    [Column("province")]
    public string Province { get; set; } = string.Empty;

    [Column("staff")]
    public string Staff { get; set; } = string.Empty;

    /// <summary>The encrypted citizen (<see cref="CitizenProtector"/>); null when none was sent or retention wiped it.</summary>
    [Column("citizen_sealed")]
    public byte[]? CitizenSealed { get; set; }

    /// <summary>The seq of the event whose citizen is held (a later identification replaces an earlier one).</summary>
    [Column("citizen_seq")]
    public int CitizenSeq { get; set; }

    [Column("citizen_wiped_ms")]
    public long? CitizenWipedAtMs { get; set; }

    [Column("case_kind")]
    public string CaseKind { get; set; } = string.Empty;

    [Column("state")]
    public string State { get; set; } = string.Empty;

    [Column("started_ms")]
    [Indexed]
    public long StartedAtMs { get; set; }

    [Column("live_ms")]
    public long? LiveAtMs { get; set; }

    [Column("ended_ms")]
    public long? EndedAtMs { get; set; }

    [Column("outcome")]
    public string Outcome { get; set; } = string.Empty;

    [Column("rating")]
    public string Rating { get; set; } = string.Empty;

    [Column("card_to_live_ms")]
    public long? CardToLiveMs { get; set; }

    [Column("button_to_live_ms")]
    public long? ButtonToLiveMs { get; set; }

    [Column("event_count")]
    public int EventCount { get; set; }

    /// <summary>Highest seq held with every seq below it held too (the receipt's answer).</summary>
    [Column("contiguous_seq")]
    public int ContiguousSeq { get; set; }

    /// <summary>The case kind last written to the archive session's metadata.</summary>
    [Column("archive_case_kind")]
    public string ArchiveCaseKind { get; set; } = string.Empty;

    /// <summary>Whether the archive session carries this citizen's reference.</summary>
    [Column("archive_citizen_seq")]
    public int ArchiveCitizenSeq { get; set; }

    [Column("archive_staff")]
    public string ArchiveStaff { get; set; } = string.Empty;

    [Column("updated_ms")]
    public long UpdatedAtMs { get; set; }
}
