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
}
