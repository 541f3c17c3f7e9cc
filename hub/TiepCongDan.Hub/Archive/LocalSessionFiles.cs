using System.Text;

namespace TiepCongDan.Hub.Archive;

/// <summary>Session files on the hub's disk under {DataDirectory}/archive/{kiosk}/{session}/.</summary>
public sealed class LocalSessionFiles : ISessionFiles
{
    private readonly ArchiveLayout _layout;

    public LocalSessionFiles(ArchiveLayout layout) => _layout = layout;

    public SessionLocation? Find(string sessionId)
    {
        if (!Directory.Exists(_layout.Root))
        {
            return null;
        }

        return Directory.EnumerateDirectories(_layout.Root)
            .Where(kiosk => Directory.Exists(Path.Combine(kiosk, sessionId)))
            .Select(kiosk => new SessionLocation(Path.GetFileName(kiosk), sessionId))
            .FirstOrDefault();
    }

    public IReadOnlyList<string> List(SessionLocation session)
    {
        var directory = Folder(session);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return [.. new DirectoryInfo(directory).EnumerateFileSystemInfos()
            .Select(e => e is DirectoryInfo ? e.Name + "/" : e.Name)
            .Order(StringComparer.Ordinal)];
    }

    public bool Exists(SessionLocation session, string name) => File.Exists(PathOf(session, name));

    public Stream OpenRead(SessionLocation session, string name) =>
        new FileStream(PathOf(session, name), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);

    public async Task WriteAsync(SessionLocation session, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(session, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true))
        {
            await file.WriteAsync(content, cancellationToken);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    public void Move(SessionLocation session, string from, string to)
    {
        var target = PathOf(session, to);
        if (File.Exists(target))
        {
            throw new IOException($"{target} already exists; refusing to overwrite it.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(PathOf(session, from), target);
    }

    public void Delete(SessionLocation session)
    {
        var directory = Folder(session);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public string Fingerprint(SessionLocation session)
    {
        var directory = Folder(session);
        if (!Directory.Exists(directory))
        {
            return string.Empty;
        }

        // The folder's own time changes on a rename, which keeps size and file times.
        var text = new StringBuilder().Append(Directory.GetLastWriteTimeUtc(directory).Ticks).Append('\n');
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            text.Append(entry.Name).Append('|').Append(entry is FileInfo f ? f.Length : -1).Append('|')
                .Append(entry.LastWriteTimeUtc.Ticks).Append('|').Append(entry.CreationTimeUtc.Ticks).Append('\n');
        }

        return text.ToString();
    }

    public string LocalPath(SessionLocation session, string name) => PathOf(session, name);

    private string Folder(SessionLocation session) => _layout.SessionDirectory(session.KioskId, session.SessionId);

    private string PathOf(SessionLocation session, string name)
    {
        // Names come from our own code, but a path must never leave the session's folder.
        if (name.Length == 0 || name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(name))
        {
            throw new ArgumentException($"'{name}' is not a file name inside a session.", nameof(name));
        }

        return Path.Combine(Folder(session), name);
    }
}
