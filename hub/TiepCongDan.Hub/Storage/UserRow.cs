using SQLite;

namespace TiepCongDan.Hub.Storage;

/// <summary>An operator account; the password only as a PBKDF2 hash.</summary>
[Table("users")]
public sealed class UserRow
{
    [PrimaryKey]
    [Column("username")]
    public string Username { get; set; } = string.Empty;

    [Column("role")]
    public string Role { get; set; } = string.Empty;

    [Column("password_hash")]
    public string PasswordHash { get; set; } = string.Empty;

    [Column("created")]
    public long CreatedMs { get; set; }

    /// <summary>
    /// The provinces the user may see and act on: 2-digit codes joined by ',' ("14,15"), or "" for
    /// every province. Added to an existing table by CreateTable, where older rows read null (= all,
    /// as they had before).
    /// </summary>
    [Column("provinces")]
    public string? Provinces { get; set; } = string.Empty;
}
