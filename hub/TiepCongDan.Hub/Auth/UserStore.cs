using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Auth;

/// <summary>
/// Operator accounts in SQLite. PBKDF2 is deliberately slow (~0.1 s), so a successful Basic check
/// is cached in memory (keyed by a SHA-256 of user and password, for 5 minutes) to keep scripts
/// that poll the API cheap. Thread-safe.
/// </summary>
public sealed class UserStore
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    private readonly HubDatabase _database;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (UserRow User, DateTimeOffset Until)> _verified = new(StringComparer.Ordinal);

    public UserStore(HubDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public bool Any() => _database.Run(c => c.Table<UserRow>().Count()) > 0;

    public UserRow? Find(string username) => _database.Run(c => c.Find<UserRow>(username));

    public IReadOnlyList<UserRow> List() => _database.Run(c => c.Table<UserRow>().OrderBy(u => u.Username).ToList());

    /// <summary>Creates or replaces a user; <paramref name="provinces"/> is a normalised list (<see cref="ProvinceScope.TryNormalize"/>), "" = all.</summary>
    public void Save(string username, string password, string role, string provinces = "")
    {
        var row = new UserRow
        {
            Username = username,
            Role = role,
            PasswordHash = PasswordHasher.Hash(password),
            CreatedMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
            Provinces = provinces,
        };
        _database.Run(c => c.InsertOrReplace(row));
        _verified.Clear();
    }

    /// <summary>The user's role when the password is right, else null.</summary>
    public string? Authenticate(string username, string password) => Check(username, password)?.Role;

    /// <summary>The user when the password is right, else null.</summary>
    public UserRow? Check(string username, string password)
    {
        var key = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(username + "\0" + password)));
        var now = _time.GetUtcNow();
        if (_verified.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.User;
        }

        var user = Find(username);
        if (user is null || !PasswordHasher.Verify(password, user.PasswordHash))
        {
            return null;
        }

        _verified[key] = (user, now + CacheLifetime);
        return user;
    }

    /// <summary>The principal of a signed-in user: name, role and provinces (<see cref="ProvinceScope.ClaimType"/>).</summary>
    public static ClaimsPrincipal Principal(UserRow user, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.Username),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(ProvinceScope.ClaimType, user.Provinces ?? string.Empty),
        ], scheme));
}
