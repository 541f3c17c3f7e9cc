namespace TiepCongDan.Hub.Provisioning;

/// <summary>A provisioned kiosk as the API shows it.</summary>
public sealed record KioskRegistrationDto(
    string KioskId, string Province, string Commune, string CertificateFingerprint, DateTimeOffset CreatedAt,
    DateTimeOffset? EnrolledAt, DateTimeOffset? RevokedAt, string? RevokedBy, string? RevokedReason)
{
    public static KioskRegistrationDto From(KioskRegistrationRow row) => new(
        row.KioskId, row.Province, row.Commune, row.CertificateFingerprint,
        DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs),
        row.EnrolledAtMs is { } enrolled ? DateTimeOffset.FromUnixTimeMilliseconds(enrolled) : null,
        row.RevokedAtMs is { } revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null,
        row.RevokedBy, row.RevokedReason);
}
