namespace TiepCongDan.Hub.Api;

/// <summary>
/// Body of POST /api/devices/{id}/commands. <see cref="Confirm"/> must be true for the commands that
/// interrupt the kiosk (restart-media, restart-service, reboot); <see cref="Comment"/> goes to the audit log.
/// </summary>
public sealed record CommandRequest(string? Command, bool? Confirm = null, string? Comment = null);
