using System.Runtime.InteropServices;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json;

namespace TiepCongDan.Edge.Update;

/// <summary>Symlinks and small files replaced with rename(2), so a reader (or a crash) sees the old or the new one, never neither.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static partial class AtomicFiles
{
    /// <summary>Points <paramref name="link"/> at <paramref name="target"/>: a temporary symlink renamed over the old one.</summary>
    public static void ReplaceSymlink(string link, string target)
    {
        var temp = link + ".tmp-" + Environment.ProcessId;
        if (File.Exists(temp) || new FileInfo(temp).LinkTarget is not null)
        {
            File.Delete(temp);
        }

        File.CreateSymbolicLink(temp, target);
        // rename(2) replaces the link itself, atomically (File.Move refuses a link to a directory).
        if (Rename(temp, link) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            File.Delete(temp);
            throw new IOException($"rename {temp} -> {link} failed: errno {errno}");
        }
        SyncDirectory(Path.GetDirectoryName(link)!);
    }

    public static void WriteJson<T>(string path, T value, JsonTypeInfo<T> typeInfo, UnixFileMode mode)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp-" + Environment.ProcessId;
        using (var stream = new FileStream(temp, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = mode }))
        {
            JsonSerializer.Serialize(stream, value, typeInfo);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        SyncDirectory(Path.GetDirectoryName(path)!);
    }

    public static T? ReadJson<T>(string path, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize(stream, typeInfo);
    }

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Rename(string oldPath, string newPath);

    /// <summary>fsync of a directory, so a rename in it survives a power cut.</summary>
    public static void SyncDirectory(string directory)
    {
        try
        {
            using var handle = File.OpenHandle(directory, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.None);
            // Opening a directory read-only works on Linux; RandomAccess.FlushToDisk calls fsync(2).
            RandomAccess.FlushToDisk(handle);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            // Best effort: some file systems refuse fsync on directories.
        }
    }
}
