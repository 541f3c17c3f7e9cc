namespace TiepCongDan.Hub.OperatorConsole;

/// <summary>GET /api/console/me: the signed-in user as the pages need it (Provinces null = every province).</summary>
public sealed record ConsoleUserDto(string User, string Role, IReadOnlyList<string>? Provinces, bool CanAct);
