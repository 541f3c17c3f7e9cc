namespace TiepCongDan.Hub.Provisioning;

/// <summary>POST /api/kiosks/register: what the provisioning command tells the hub about a new kiosk.</summary>
public sealed record RegisterKioskRequest(string? KioskId, string? Province, string? Commune, string? CertificateFingerprint);
