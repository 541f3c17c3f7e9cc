namespace TiepCongDan.Hub.Api;

/// <summary>
/// A remote command as the API shows it (202 of POST /api/devices/{id}/commands, GET /api/commands/{id},
/// GET /api/devices/{id}/commands). <see cref="State"/>: sent, done, failed, refused or timeout;
/// <see cref="Artifact"/>: "/api/commands/{id}/artifact" while a file is kept, else null.
/// <see cref="Topic"/> and <see cref="Metric"/> say what NCMD carried it.
/// </summary>
public sealed record CommandResultDto(
    string Id,
    string Kiosk,
    string Command,
    string State,
    string RequestedBy,
    string RequestedAt,
    string? FinishedAt,
    string? Message,
    string? Artifact,
    string? Comment,
    string Topic,
    string Metric);
