using SQLite;

namespace TiepCongDan.Hub.Provisioning;

/// <summary>One provisioned kiosk (table kiosk_registrations in hub.db). Times are Unix milliseconds.</summary>
[Table("kiosk_registrations")]
public sealed class KioskRegistrationRow
{
    [PrimaryKey]
    [Column("kiosk_id")]
    public string KioskId { get; set; } = string.Empty;

    [Column("province")]
    public string Province { get; set; } = string.Empty;

    [Column("commune")]
    public string Commune { get; set; } = string.Empty;

    /// <summary>SHA-256 (hex) of the client certificate in the kiosk's bundle.</summary>
    [Column("certificate_fingerprint")]
    public string CertificateFingerprint { get; set; } = string.Empty;

    [Column("created_by")]
    public string CreatedBy { get; set; } = string.Empty;

    [Column("created_at")]
    public long CreatedAtMs { get; set; }

    /// <summary>When the kiosk first called the enrol endpoint with its credentials; null until then.</summary>
    [Column("enrolled_at")]
    public long? EnrolledAtMs { get; set; }

    [Column("revoked_at")]
    public long? RevokedAtMs { get; set; }

    [Column("revoked_by")]
    public string? RevokedBy { get; set; }

    [Column("revoked_reason")]
    public string? RevokedReason { get; set; }
}
