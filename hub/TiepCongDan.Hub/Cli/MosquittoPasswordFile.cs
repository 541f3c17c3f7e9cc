using System.Security.Cryptography;
using System.Text;

namespace TiepCongDan.Hub.Cli;

/// <summary>
/// Lines of a Mosquitto 2 password file in its PBKDF2-SHA512 format
/// (<c>user:$7$101$base64(salt)$base64(hash)</c>, 12-byte salt, 64-byte hash), the same as
/// <c>mosquitto_passwd</c> writes, so no Mosquitto tool is needed on the hub machine.
/// </summary>
public static class MosquittoPasswordFile
{
    private const int Iterations = 101;

    public static string Line(string username, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(12);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, 64);
        return $"{username}:$7${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }
}
