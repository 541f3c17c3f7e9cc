namespace TiepCongDan.Hub.Alerts;

/// <summary>
/// A search of the alerts. <see cref="AllowedProvinces"/> null = every province (an unscoped
/// user); otherwise only those provinces are seen, whatever <see cref="Province"/> asks.
/// </summary>
public sealed record AlertQuery(
    IReadOnlySet<string>? AllowedProvinces = null,
    string? Province = null,
    string? KioskId = null,
    string? Rule = null,
    string State = AlertState.Active,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = 1000);
