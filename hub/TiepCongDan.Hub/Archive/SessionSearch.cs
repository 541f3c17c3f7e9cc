namespace TiepCongDan.Hub.Archive;

/// <summary>Filters of GET /api/sessions; null = any. <see cref="From"/>/<see cref="To"/> bound the start time.</summary>
public sealed record SessionSearch(string? Commune = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    string? CaseKind = null, string? CitizenRef = null, string? Kiosk = null, int Limit = 500);
