using System.Globalization;
using System.Security.Cryptography;

namespace TiepCongDan.Hub.Media;

/// <summary>
/// Segments on the hub's disk: {root}/{kioskId}/{sessionId}/{seq:D6}.ts, uploads in progress beside
/// them as .ts.part. Ids are validated before they reach here, so they are safe path components.
/// </summary>
internal sealed class FileSegmentArchive : ISegmentArchive
{
    private const int BufferBytes = 64 * 1024;

    private readonly string _root;

    public FileSegmentArchive(string root)
    {
        _root = root;
        Directory.CreateDirectory(root);
    }

    public long PartialLength(SegmentKey key)
    {
        var info = new FileInfo(PartialPath(key));
        return info.Exists ? info.Length : 0;
    }

    public bool HasPartial(SegmentKey key) => File.Exists(PartialPath(key));

    public async Task<long> AppendAsync(SegmentKey key, long offset, Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var path = PartialPath(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, BufferBytes, useAsync: true);
        if (file.Length != offset)
        {
            throw new InvalidOperationException($"The partial of {key} is {file.Length} bytes, not {offset}: the caller must check the offset under the segment lock.");
        }

        file.Position = offset;
        var buffer = new byte[BufferBytes];
        long written = 0;
        while (true)
        {
            // A broken connection throws here; what was written before stays for the resume.
            var read = await body.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            if (written + read > maxBytes)
            {
                await file.FlushAsync(CancellationToken.None);
                file.SetLength(offset);
                throw new SegmentBodyTooLongException($"The body is longer than the {maxBytes} bytes its Upload-Length leaves.");
            }

            await file.WriteAsync(buffer.AsMemory(0, read), CancellationToken.None);
            written += read;
        }

        return offset + written;
    }

    public async Task<string> HashPartialAsync(SegmentKey key, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(PartialPath(key), FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }

    public Task PromoteAsync(SegmentKey key, CancellationToken cancellationToken)
    {
        var partial = PartialPath(key);
        using (var file = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite, FileShare.Read))
        {
            // The rename must never publish bytes that are still only in the page cache.
            file.Flush(flushToDisk: true);
        }

        File.Move(partial, FinalPath(key), overwrite: true);
        return Task.CompletedTask;
    }

    public void DiscardPartial(SegmentKey key)
    {
        var path = PartialPath(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    public bool Exists(SegmentKey key) => File.Exists(FinalPath(key));

    public Stream OpenRead(SegmentKey key) =>
        new FileStream(FinalPath(key), FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, useAsync: true);

    /// <summary>Where a complete segment is stored (tests and the later archive read it).</summary>
    public string FinalPath(SegmentKey key) => Path.Combine(SessionDirectory(key), FileName(key.Sequence));

    private string PartialPath(SegmentKey key) => FinalPath(key) + ".part";

    private string SessionDirectory(SegmentKey key) => Path.Combine(_root, key.KioskId, key.SessionId);

    private static string FileName(int sequence) => sequence.ToString("D6", CultureInfo.InvariantCulture) + ".ts";
}
