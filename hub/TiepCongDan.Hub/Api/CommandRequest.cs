namespace TiepCongDan.Hub.Api;

/// <summary>Body of POST /api/devices/{id}/commands.</summary>
public sealed record CommandRequest(string? Command);
