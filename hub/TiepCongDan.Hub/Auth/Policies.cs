namespace TiepCongDan.Hub.Auth;

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    public const string AnyUser = "any-user";
    public const string OperatorOrAdmin = "operator";
    public const string AdminOnly = "admin";

    /// <summary>An admin of every province: user management and other fleet-wide settings.</summary>
    public const string FleetAdmin = "fleet-admin";
}
