namespace TiepCongDan.Hub.Auth;

/// <summary>Operator roles: viewer reads, operator also sends commands, admin also manages users.</summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Admin];

    public static bool IsValid(string? role) => role is Viewer or Operator or Admin;
}
