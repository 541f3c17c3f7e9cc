namespace TiepCongDan.Hub.Archive;

/// <summary>
/// The files of archived sessions: segments, manifests and their history, addressed by a name relative to
/// the session's folder ("000003.ts", "manifest.json", "manifests/v0001.json"). The local file system
/// today (<see cref="LocalSessionFiles"/>, the same folders as <see cref="Media.FileSegmentArchive"/>), an
/// object store later. Thread-safety: calls for different sessions may run concurrently; the caller
/// serialises writes to one session.
/// </summary>
public interface ISessionFiles
{
    /// <summary>Where the session is, found by its id alone (the CLI knows no kiosk); null when there is none.</summary>
    SessionLocation? Find(string sessionId);

    /// <summary>Names directly in the session's folder, sub-folders with a trailing '/'; empty when the folder does not exist.</summary>
    IReadOnlyList<string> List(SessionLocation session);

    bool Exists(SessionLocation session, string name);

    /// <summary>Reads a file; throws <see cref="FileNotFoundException"/> when it does not exist.</summary>
    Stream OpenRead(SessionLocation session, string name);

    /// <summary>Writes a whole file durably (flushed to disk) and replaces any previous one atomically.</summary>
    Task WriteAsync(SessionLocation session, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Renames within the session; throws <see cref="IOException"/> when <paramref name="to"/> exists (history is never overwritten).</summary>
    void Move(SessionLocation session, string from, string to);

    /// <summary>Deletes the session's folder and everything in it.</summary>
    void Delete(SessionLocation session);

    /// <summary>Changes whenever a file of the session is added, removed, renamed or rewritten (names, sizes, times).</summary>
    string Fingerprint(SessionLocation session);

    /// <summary>A local path ffmpeg can read; an object store would stage a copy first.</summary>
    string LocalPath(SessionLocation session, string name);
}
