namespace TiepCongDan.Hub.Provisioning;

/// <summary>POST /api/kiosks/{id}/revoke: an optional reason kept with the revocation (no personal data).</summary>
public sealed record RevokeKioskRequest(string? Reason);
