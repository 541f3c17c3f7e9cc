using System.Security.Cryptography;

namespace TiepCongDan.Hub.Broker;

/// <summary>
/// The fleet device secret from which every kiosk's MQTT password is derived. Created on first use
/// with 32 random bytes and mode 0600, because anyone who reads it can impersonate every kiosk.
/// </summary>
public sealed class FleetSecret
{
    public const int Length = 32;

    private readonly byte[] _bytes;

    private FleetSecret(byte[] bytes, string path)
    {
        _bytes = bytes;
        Path = path;
    }

    public string Path { get; }

    public ReadOnlySpan<byte> Bytes => _bytes;

    public static FleetSecret LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            var fresh = RandomNumberGenerator.GetBytes(Length);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var stream = new FileStream(path, options);
                stream.Write(fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process (e.g. the CLI) created it at the same moment: use theirs.
            }
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 16)
        {
            throw new Options.HubConfigurationException($"The fleet device secret '{path}' is shorter than 16 bytes: restore it from backup or delete it to make a new one (every kiosk then needs its new password).");
        }

        return new FleetSecret(bytes, path);
    }
}
