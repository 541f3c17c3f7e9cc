using System.Security.Cryptography;

namespace TiepCongDan.Edge.Media.Recording;

/// <summary>
/// The kiosk's AES-256 key for media at rest. Provisioning normally writes the file; when it is
/// missing the kiosk makes one (32 random bytes, mode 0600 in a 0700 directory), so recording
/// never falls back to plaintext.
/// </summary>
public sealed class MediaKey
{
    public const int Length = 32;

    private readonly byte[] _bytes;

    private MediaKey(byte[] bytes) => _bytes = bytes;

    internal ReadOnlySpan<byte> Bytes => _bytes;

    public static MediaKey LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var existing = File.ReadAllBytes(full);
            return existing.Length == Length
                ? new MediaKey(existing)
                : throw new InvalidDataException($"The media key file {full} holds {existing.Length} bytes; it must hold exactly {Length} random bytes. Re-provision the kiosk's media key.");
        }

        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            PrivateFiles.CreateDirectory(directory);
        }

        var key = RandomNumberGenerator.GetBytes(Length);
        var temp = full + ".new";
        using (var stream = new FileStream(temp, PrivateFiles.NewFile(FileMode.Create)))
        {
            stream.Write(key);
            stream.Flush(flushToDisk: true);
        }

        // Rename so a crash never leaves a short key file behind.
        File.Move(temp, full, overwrite: false);
        return new MediaKey(key);
    }
}
