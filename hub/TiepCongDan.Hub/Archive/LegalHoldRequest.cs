namespace TiepCongDan.Hub.Archive;

/// <summary>Body of PUT /api/sessions/{id}/legal-hold (admin).</summary>
public sealed record LegalHoldRequest(bool LegalHold);
