using System.Security.Cryptography;
using TiepCongDan.Contracts.Fleet;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>The fleet device secret file the hub reads; the tests write it first so they can derive kiosk passwords.</summary>
public sealed class FleetSecret
{
    private FleetSecret(string path, byte[] bytes)
    {
        FilePath = path;
        Bytes = bytes;
    }

    public string FilePath { get; }

    public byte[] Bytes { get; }

    public static FleetSecret Create(string path)
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        File.WriteAllBytes(path, bytes);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new FleetSecret(path, bytes);
    }

    public static FleetSecret Read(string path) => new(path, File.ReadAllBytes(path));

    public string PasswordFor(string kioskId) => DeviceCredentials.DerivePassword(Bytes, kioskId);
}
