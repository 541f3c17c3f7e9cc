using SQLite;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// A session's case metadata and seal state (table archive_sessions), keyed like media_sessions.
/// <see cref="CitizenRef"/> is opaque (<see cref="CitizenReference"/>), never an ID number.
/// </summary>
[Table("archive_sessions")]
public sealed class ArchiveSessionRow
{
    [PrimaryKey]
    [Column("id")]
    public string Id { get; set; } = string.Empty;

    [Column("kiosk")]
    [Indexed]
    public string KioskId { get; set; } = string.Empty;

    [Column("commune")]
    [Indexed]
    public string Commune { get; set; } = string.Empty;

    [Column("province")]
    public string Province { get; set; } = string.Empty;

    /// <summary>JSON array of <see cref="Official"/>.</summary>
    [Column("officials_json")]
    public string OfficialsJson { get; set; } = "[]";

    [Column("case_kind")]
    public string CaseKind { get; set; } = string.Empty;

    [Column("citizen_ref")]
    [Indexed]
    public string CitizenRef { get; set; } = string.Empty;

    [Column("legal_hold")]
    public bool LegalHold { get; set; }

    [Column("started_ms")]
    [Indexed]
    public long StartedAtMs { get; set; }

    [Column("ended_ms")]
    public long? EndedAtMs { get; set; }

    /// <summary>0 until the session is sealed; then the version of manifest.json on disk.</summary>
    [Column("manifest_version")]
    public int ManifestVersion { get; set; }

    [Column("chain_head")]
    public string ChainHead { get; set; } = string.Empty;

    [Column("sealed_ms")]
    public long? SealedAtMs { get; set; }

    [Column("metadata_updated_ms")]
    public long? MetadataUpdatedAtMs { get; set; }

    /// <summary>User name of the operator who last changed the metadata (an official, not the citizen).</summary>
    [Column("metadata_updated_by")]
    public string MetadataUpdatedBy { get; set; } = string.Empty;
}
