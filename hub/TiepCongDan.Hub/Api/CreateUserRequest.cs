namespace TiepCongDan.Hub.Api;

/// <summary>Body of POST /api/users.</summary>
public sealed record CreateUserRequest(string? Username, string? Password, string? Role);
