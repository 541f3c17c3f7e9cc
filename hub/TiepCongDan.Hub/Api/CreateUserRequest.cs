namespace TiepCongDan.Hub.Api;

/// <summary>Body of POST /api/users; <see cref="Provinces"/>: "14,15" (or ["14","15"] as text), empty or absent = every province.</summary>
public sealed record CreateUserRequest(string? Username, string? Password, string? Role, string? Provinces = null);
